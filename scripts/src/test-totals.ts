// Prints the closing line CI reads, `N passed, N failed`, from vitest's JSON reports: one per vitest
// run (test:all runs the native-stack suites, then the Compose suite), summed. A report that is
// missing or unreadable counts as one failure, so a crashed run can never look green.
import { readFileSync } from 'node:fs';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

function totals(file: string): { passed: number; failed: number } {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport;
    // A test file that failed without a failed test (it did not load, or a hook threw) counts once.
    const brokenFiles = report.testResults.filter(
      (result) => result.status === 'failed' && !result.assertionResults.some((test) => test.status === 'failed'),
    ).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
  } catch (error) {
    console.error(`no readable vitest report at ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return { passed: 0, failed: 1 };
  }
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: test-totals <vitest-json-report>...');
  process.exit(2);
}
const { passed, failed } = files.map(totals).reduce((sum, one) => ({ passed: sum.passed + one.passed, failed: sum.failed + one.failed }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
