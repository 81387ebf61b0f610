import { runKubeBench } from './kube-bench';
const quick = process.argv.includes('--quick');
const t = performance.now();
console.table(await runKubeBench({ quick }));
console.log('total', Math.round(performance.now() - t), 'ms');
