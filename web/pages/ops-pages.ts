import { html, type SafeHtml } from '../html.js';
import { formatDateTime, layout } from '../layout.js';
import type { QueueInfo } from '../queue-info.js';
import { QUEUE_STATES } from '../queue-info.js';
import type { healthRows } from '../source-health.js';
import { STRINGS } from '../strings.js';

export function sourcesPage(rows: ReturnType<typeof healthRows>): SafeHtml {
  const S = STRINGS.sources;
  const c = S.columns;
  const body = html`<h1>${S.title}</h1>${
    rows.length === 0
      ? html`<p>${S.empty}</p>`
      : html`<table class="sources"><thead><tr><th scope="col">${c.source}</th><th scope="col">${c.health}</th><th scope="col">${c.lastSuccess}</th><th scope="col">${c.lastError}</th><th scope="col">${c.failures}</th><th scope="col">${c.items}</th><th scope="col">${c.polls}</th><th scope="col">${c.missingDate}</th><th scope="col">${c.missingText}</th></tr></thead><tbody>${rows.map(
          (r) => html`<tr data-source-id="${r.sourceId}"><td><strong>${r.sourceId}</strong><br><span class="url small muted">${r.url}</span></td>
<td class="health-${r.health}">${S.health[r.health]}</td><td>${formatDateTime(r.lastSuccessAt)}</td>
<td>${formatDateTime(r.lastErrorAt)}${r.lastError ? html`<br><span class="small">${r.lastError}</span>` : ''}</td>
<td>${r.consecutiveFailures}</td><td>${r.lastItemsFound ?? ''}</td><td>${r.polls}</td><td>${r.missingDate}</td><td>${r.missingText}</td></tr>`,
        )}</tbody></table>`
  }`;
  return layout(S.title, 'sources', body);
}

export function queuesPage(info: QueueInfo[] | null, error?: string): SafeHtml {
  const S = STRINGS.queues;
  const c = S.columns;
  let body: SafeHtml;
  if (error) body = html`<h1>${S.title}</h1><p class="error" role="alert">${S.error}: ${error}</p>`;
  else if (!info) body = html`<h1>${S.title}</h1><p>${S.unavailable}</p>`;
  else {
    const failed = info.flatMap((q) => q.failed.map((j) => ({ queue: q.queue, ...j })));
    body = html`<h1>${S.title}</h1>
<table class="queues"><thead><tr><th scope="col">${c.queue}</th>${QUEUE_STATES.map((s) => html`<th scope="col">${s}</th>`)}<th scope="col">completed / h</th><th scope="col">failed / h</th></tr></thead>
<tbody>${info.map((q) => html`<tr data-queue="${q.queue}"><th scope="row">${q.queue}</th>${QUEUE_STATES.map((s) => html`<td>${q.counts[s]}</td>`)}<td>${q.completedLastHour}</td><td>${q.failedLastHour}</td></tr>`)}</tbody></table>
<h2>${S.failedJobs}</h2>${
      failed.length === 0
        ? html`<p>${S.noFailed}</p>`
        : html`<table><thead><tr><th scope="col">${c.queue}</th><th scope="col">${c.job}</th><th scope="col">${c.name}</th><th scope="col">${c.attempts}</th><th scope="col">${c.failedAt}</th><th scope="col">${c.reason}</th></tr></thead><tbody>${failed.map(
            (j) => html`<tr><td>${j.queue}</td><td class="small">${j.id}</td><td>${j.name}</td><td>${j.attemptsMade}</td><td>${formatDateTime(j.failedAt)}</td><td>${j.failedReason}</td></tr>`,
          )}</tbody></table>`
    }`;
  }
  return layout(S.title, 'queues', body);
}
