import type { Rule } from 'eslint';

export declare const sharedLayers: Rule.RuleModule;
