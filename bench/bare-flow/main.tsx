// The reference for bench/canvas.bench.ts: the same graph on a bare React Flow page (default
// nodes and edges, the library's own useNodesState), so the benchmark reports our overhead.
import { createRoot } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

declare global {
  interface Window {
    __graph?: { nodes: Node[]; edges: Edge[] };
  }
}

function Flow() {
  const g = window.__graph ?? { nodes: [], edges: [] };
  const [nodes, , onNodesChange] = useNodesState(g.nodes);
  const [edges, , onEdgesChange] = useEdgesState(g.edges);
  return <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onlyRenderVisibleElements minZoom={0.05} fitView />;
}

const root = document.getElementById('root');
(window as unknown as { __mount: () => void }).__mount = () => {
  if (root)
    createRoot(root).render(
      <ReactFlowProvider>
        <Flow />
      </ReactFlowProvider>,
    );
};
