/**
 * `npm run bench`: runs every benchmark file and prints its figures. Benchmarks print numbers;
 * nothing here asserts a time (that would be a flaky test). Add a bench as a module exporting a
 * run + print pair and list it below.
 */
import { printSimBench, runSimBench } from './sim';

const benches: { name: string; run: () => void }[] = [{ name: 'simulator', run: () => printSimBench(runSimBench()) }];

console.log(`StateLab benchmarks on Node ${process.version}, ${process.platform}/${process.arch}`);
for (const b of benches) b.run();
