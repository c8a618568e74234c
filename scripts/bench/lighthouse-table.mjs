import { ms } from './units.mjs';

/** What a missed score names as its cost: this many of the audits that lost the most. */
const AUDITS_WORTH_NAMING = 2;

function lostPerformance(page) {
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
}

const failedAudits = (page, category) =>
  `failed ${page.lost
    .filter((audit) => audit.category === category)
    .map((audit) => audit.audit)
    .join(', ')}`;

/**
 * SPEC 13's Lighthouse targets for one set of runs (`key` names it: the mock,
 * the server), each with whether it was met and, if not, what cost it:
 * `goals.scores[preset][category]` and `goals.lcpMs` for the mobile preset.
 */
export function lighthouseTargets(key, lighthouse, goals) {
  const scoreTargets = Object.entries(goals.scores).flatMap(([preset, targets]) =>
    Object.entries(lighthouse[preset]).flatMap(([page, result]) =>
      Object.entries(targets).map(([category, target]) => [
        `${key}:${preset}:${page}:${category}`,
        {
          target: category === 'performance' ? `>= ${target}` : `${target}`,
          met: result.scores[category] >= target,
          cost:
            category === 'performance' ? lostPerformance(result) : failedAudits(result, category),
        },
      ]),
    ),
  );
  const lcpTargets = Object.entries(lighthouse.mobile).map(([page, result]) => [
    `${key}:mobile:${page}:lcp`,
    {
      target: `<= ${ms(goals.lcpMs)}`,
      met: result.largestContentfulPaintMs <= goals.lcpMs,
      cost: lostPerformance(result),
    },
  ]);
  return Object.fromEntries([...scoreTargets, ...lcpTargets]);
}

/**
 * The table's rows for one set of runs: `row(measure, cell, goal)` makes a
 * row of the table with the figure in the column `key`'s runs belong to.
 */
export function lighthouseRows(key, label, lighthouse, targets, row) {
  return Object.entries(lighthouse).flatMap(([preset, pages]) =>
    Object.entries(pages).flatMap(([page, { scores, runs, largestContentfulPaintMs }]) => {
      const measure = (what) =>
        `Lighthouse ${preset} /${page} ${what}${label} (median of ${runs.length})`;
      const score = (category) =>
        row(
          measure(category.replace('-', ' ')),
          `${scores[category]} [${runs.map((run) => run[category]).join(', ')}]`,
          targets[`${key}:${preset}:${page}:${category}`],
        );
      const lcp =
        preset === 'mobile'
          ? [
              row(
                measure('LCP'),
                `${ms(largestContentfulPaintMs)} [${runs.map((run) => run.lcpMs).join(', ')}]`,
                targets[`${key}:mobile:${page}:lcp`],
              ),
            ]
          : [];
      return [score('performance'), ...lcp, score('accessibility'), score('best-practices')];
    }),
  );
}
