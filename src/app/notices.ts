import type { StorageProblem } from '../storage/problems.ts';
import type { UpdateFlowView } from '../pwa/update-flow.ts';
import type { NoticeId } from '../state/events.ts';

export type { NoticeId };

/**
 * The notices to show, in order: the update offer first (it asks something), then the offline
 * notice, then storage problems in the order they happened.
 */
export function visibleNotices(update: UpdateFlowView, problems: readonly StorageProblem[]): NoticeId[] {
  const notices: NoticeId[] = [];
  if (update.updatePrompt) notices.push('update');
  if (update.offlineNotice) notices.push('offline-ready');
  notices.push(...problems);
  return notices;
}

/**
 * Storage problems the listener is told about: each kind once per session. `report` returns
 * whether the list changed; a kind already told (even if dismissed since) is not told again.
 */
export class ProblemNotices {
  #told = new Set<StorageProblem>();
  #shown: StorageProblem[] = [];

  get shown(): readonly StorageProblem[] {
    return this.#shown;
  }

  report(problem: StorageProblem): boolean {
    if (this.#told.has(problem)) return false;
    this.#told.add(problem);
    this.#shown = [...this.#shown, problem];
    return true;
  }

  dismiss(problem: StorageProblem): void {
    this.#shown = this.#shown.filter((p) => p !== problem);
  }
}
