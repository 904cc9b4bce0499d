import type { TRequirement } from '../../../shared/contracts/catalog';

export interface RequirementNode {
  requirement: TRequirement;
  children: RequirementNode[];
}

export interface RequirementTree {
  roots: RequirementNode[];
  /** Every node by ref. */
  byRef: Map<string, RequirementNode>;
  /** Refs of the nodes that have children (the ones that can be collapsed). */
  branchRefs: string[];
}

/**
 * Builds the tree from the flat, document-ordered list. Document order is kept among siblings.
 * A node whose parentRef is unknown (or that would create a cycle) is shown at the top level
 * rather than dropped.
 */
export function buildRequirementTree(requirements: readonly TRequirement[]): RequirementTree {
  const byRef = new Map<string, RequirementNode>();
  for (const requirement of requirements) {
    if (!byRef.has(requirement.ref)) byRef.set(requirement.ref, { requirement, children: [] });
  }

  const roots: RequirementNode[] = [];
  for (const node of byRef.values()) {
    const parent = parentOf(node, byRef);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  const branchRefs: string[] = [];
  for (const node of byRef.values()) {
    if (node.children.length > 0) branchRefs.push(node.requirement.ref);
  }
  return { roots, byRef, branchRefs };
}

function parentOf(
  node: RequirementNode,
  byRef: Map<string, RequirementNode>,
): RequirementNode | null {
  const parentRef = node.requirement.parentRef;
  if (parentRef === null) return null;
  const parent = byRef.get(parentRef);
  if (!parent) return null;
  // Guard against cycles in malformed data: walk up from the parent and give up if we come back.
  const seen = new Set<string>([node.requirement.ref]);
  let cursor: RequirementNode | undefined = parent;
  while (cursor) {
    if (seen.has(cursor.requirement.ref)) return null;
    seen.add(cursor.requirement.ref);
    const up: string | null = cursor.requirement.parentRef;
    cursor = up === null ? undefined : byRef.get(up);
  }
  return parent;
}

/**
 * What to show for a filter: every node that matches plus its ancestors, so that matches keep
 * their context in the tree.
 */
export function filterTree(
  tree: RequirementTree,
  matches: (requirement: TRequirement) => boolean,
): { visible: Set<string>; matched: Set<string> } {
  const visible = new Set<string>();
  const matched = new Set<string>();
  const visit = (node: RequirementNode): boolean => {
    let keep = matches(node.requirement);
    if (keep) matched.add(node.requirement.ref);
    for (const child of node.children) if (visit(child)) keep = true;
    if (keep) visible.add(node.requirement.ref);
    return keep;
  };
  for (const root of tree.roots) visit(root);
  return { visible, matched };
}
