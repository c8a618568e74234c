// SPEC 13's targets for the browser bench (scripts/bench.mjs), and whether a run
// met each, naming what weighs when a size target is missed.

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const times = (value) => `${value.toFixed(2)}x`;
export const ms = (value) => `${value.toFixed(1)} ms`;

/** SPEC 13's targets. */
export const TARGET_REAL_LOGIN_RATIO = 1.6;
export const TARGET_SCORES = {
  desktop: { performance: 95, accessibility: 100, 'best-practices': 100 },
  mobile: { performance: 90 },
};
export const TARGET_MOBILE_LCP_MS = 2_500;
export const TARGET_BIND_CONFIRM_MS = 150;
export const TARGET_LOGIN_MS = 250;
export const TARGET_LONGEST_TASK_MS = 50;
/** What a missed size target names as its cost: the files and audits that weigh. */
const FILE_BYTES_WORTH_NAMING = 5_000;
const SOURCE_SHARE_WORTH_NAMING = 0.2;
const AUDITS_WORTH_NAMING = 2;

/** `/assets/app-BtbxXevl.js` -> `app`. */
const chunkName = (path) => path.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
const mainSources = (file) =>
  file.sources
    .filter((source) => source.share >= SOURCE_SHARE_WORTH_NAMING)
    .map((source) => `${source.source} ${Math.round(source.share * 100)}%`)
    .join(', ');

/** SPEC 13's targets, each with whether this run met it and, if not, what cost it. */
export function targetsOf({ realBackendBuild, mockBuild }) {
  const { ratioToEmptyApp } = realBackendBuild.loginInitialJs;
  const { timingsMs } = mockBuild;
  const lostPerformance = (page) => {
    const [longest] = page.longTasks;
    const lost = page.lost
      .filter((audit) => audit.category === 'performance')
      .sort((a, b) => a.score - b.score)
      .slice(0, AUDITS_WORTH_NAMING)
      .map((audit) => `${audit.audit} ${audit.value} (score ${audit.score})`);
    const task = longest
      ? `; longest task ${longest.durationMs.toLocaleString('en-US')} ms in ${longest.file}`
      : '';
    return `lost most on ${lost.join(', ')}${task}`;
  };
  const failedAudits = (page, category) =>
    `failed ${page.lost
      .filter((audit) => audit.category === category)
      .map((audit) => audit.audit)
      .join(', ')}`;
  const scoreTargets = Object.entries(TARGET_SCORES).flatMap(([preset, targets]) =>
    Object.entries(mockBuild.lighthouse[preset]).flatMap(([page, result]) =>
      Object.entries(targets).map(([category, target]) => [
        `${preset}:${page}:${category}`,
        {
          target: category === 'performance' ? `>= ${target}` : `${target}`,
          met: result.scores[category] >= target,
          cost:
            category === 'performance' ? lostPerformance(result) : failedAudits(result, category),
        },
      ]),
    ),
  );
  const lcpTargets = Object.entries(mockBuild.lighthouse.mobile).map(([page, result]) => [
    `mobile:${page}:lcp`,
    {
      target: `<= ${ms(TARGET_MOBILE_LCP_MS)}`,
      met: result.largestContentfulPaintMs <= TARGET_MOBILE_LCP_MS,
      cost: lostPerformance(result),
    },
  ]);
  return {
    realLoginRatio: {
      target: `real <= ${times(TARGET_REAL_LOGIN_RATIO)}`,
      met: ratioToEmptyApp <= TARGET_REAL_LOGIN_RATIO,
      cost: realBackendBuild.loginInitialJs.files
        .filter((file) => file.gzipBytes >= FILE_BYTES_WORTH_NAMING)
        .map((file) => `${chunkName(file.file)} ${kB(file.gzipBytes)} (${mainSources(file)})`)
        .join(', '),
    },
    ...Object.fromEntries([...scoreTargets, ...lcpTargets]),
    bindConfirm: {
      target: `<= ${ms(TARGET_BIND_CONFIRM_MS)}`,
      met: timingsMs.bindConfirmToBoundHeading.median <= TARGET_BIND_CONFIRM_MS,
      cost: 'the median of the runs',
    },
    login: {
      target: `<= ${ms(TARGET_LOGIN_MS)}`,
      met: timingsMs.loginSubmitToWorkspaceHome.median <= TARGET_LOGIN_MS,
      cost: 'the median of the runs',
    },
    longestTask: {
      target: `<= ${ms(TARGET_LONGEST_TASK_MS)}`,
      met: timingsMs.longestMainThreadTaskDuringLogin.max <= TARGET_LONGEST_TASK_MS,
      cost: 'a task of the page during a login ran long',
    },
  };
}
