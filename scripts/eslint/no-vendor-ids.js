// Nothing outside a vendor's folder names a vendor: a string literal equal to a vendor id (the
// folders of shared/vendors/ that hold a vendor.ts) is refused anywhere else, so product knowledge
// cannot leak into the engine, the monitor, the exporters' orchestration or the UI, which ask the
// vendor's module instead. The registry is the one place that lists the vendors.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function vendorIds(root) {
  const dir = path.join(root, 'shared', 'vendors');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'vendor.ts')))
    .map((e) => e.name);
}

/** @type {import('eslint').Rule.RuleModule} */
export const noVendorIds = {
  meta: {
    type: 'problem',
    docs: { description: 'vendor ids are named only inside their vendor folder' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, ids: { type: 'array', items: { type: 'string' } } }, required: ['root'], additionalProperties: false }],
    messages: {
      named: '"{{id}}" is a vendor id: only shared/vendors/{{id}}/ names it. Ask the vendor module (shared/vendors/registry.ts) for what you need, or move this knowledge into the vendor folder.',
    },
  },
  create(context) {
    const { root, ids: given } = context.options[0];
    const ids = new Set(given ?? vendorIds(root));
    const filename = path.resolve(context.filename ?? context.getFilename());
    const rel = path.relative(path.join(root, 'shared', 'vendors'), filename).split(path.sep);
    // Inside shared/vendors/<id>/ that vendor's own id is fine; the registry imports, it does not name.
    const own = !rel[0]?.startsWith('..') && rel.length > 1 ? rel[0] : undefined;
    const check = (node, value) => {
      if (typeof value !== 'string' || !ids.has(value) || value === own) return;
      context.report({ node, messageId: 'named', data: { id: value } });
    };
    return {
      Literal: (node) => check(node, node.value),
      TemplateElement: (node) => check(node, node.value.cooked),
    };
  },
};
