// The layers inside shared/, as VS Code's code-layering rule keeps its folders apart: the folder
// says the layer, and a module may import only from its own layer's folder and the folders below
// it. Relative imports are resolved against the importing file, so `../engine/report` from
// shared/vendors/ is seen for what it is. The map is in eslint.config.js.
import path from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
export const sharedLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'shared/ folders import only their own layer and the layers below it' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, allowed: { type: 'object' } }, required: ['root', 'allowed'], additionalProperties: false }],
    messages: {
      upward: 'shared/{{from}} may not import shared/{{to}}: {{to}} is not below {{from}} in the layer map (eslint.config.js). Move the shared piece down, or inject it.',
      unknown: 'shared/{{from}} is not in the layer map (eslint.config.js): give the folder its place.',
    },
  },
  create(context) {
    const { root, allowed } = context.options[0];
    const sharedRoot = path.resolve(root, 'shared');
    const folderOf = (file) => {
      const rel = path.relative(sharedRoot, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
      const first = rel.split(path.sep)[0];
      return first && first !== rel ? first : undefined;
    };
    const filename = context.filename ?? context.getFilename();
    const from = folderOf(filename);
    if (from === undefined) return {};
    const check = (node) => {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = folderOf(path.resolve(path.dirname(filename), source));
      if (to === undefined || to === from) return;
      const list = allowed[from];
      if (!list) {
        context.report({ node, messageId: 'unknown', data: { from } });
        return;
      }
      if (!list.includes(to)) context.report({ node: node.source, messageId: 'upward', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
