import type { Rule } from 'eslint';

export declare function vendorIds(root: string): string[];
export declare const noVendorIds: Rule.RuleModule;
