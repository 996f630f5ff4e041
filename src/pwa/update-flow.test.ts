import { describe, expect, it } from 'vitest';
import { UpdateFlow, UpdateFlowChangeEvent, type UpdateFlowView } from './update-flow.ts';

function setup(options: { saveFails?: boolean } = {}) {
  const log: string[] = [];
  let finishSave!: () => void;
  const flow = new UpdateFlow({
    save: () =>
      new Promise<void>((resolve, reject) => {
        log.push('save');
        finishSave = options.saveFails ? () => reject(new Error('disk full')) : resolve;
      }),
    activate: () => void log.push('activate'),
    reload: () => void log.push('reload'),
  });
  const views: UpdateFlowView[] = [];
  flow.addEventListener(UpdateFlowChangeEvent.type, (e) => views.push((e as UpdateFlowChangeEvent).view));
  return { flow, log, views, finishSave: () => finishSave() };
}

describe('UpdateFlow: offline ready', () => {
  it('shows the notice after the first install, until dismissed', () => {
    const { flow, views } = setup();
    expect(flow.view.offlineNotice).toBe(false);
    flow.offlineReady();
    expect(flow.view.offlineNotice).toBe(true);
    flow.dismissOfflineReady();
    expect(flow.view.offlineNotice).toBe(false);
    expect(views.map((v) => v.offlineNotice)).toEqual([true, false]);
  });

  it('is shown while reading too (it asks nothing of the listener)', () => {
    const { flow } = setup();
    flow.setReading(true);
    flow.offlineReady();
    expect(flow.view.offlineNotice).toBe(true);
  });
});

describe('UpdateFlow: a new version', () => {
  it('is offered at once when not reading', () => {
    const { flow, views } = setup();
    flow.updateFound();
    expect(flow.view).toEqual({ offlineNotice: false, updatePrompt: true, applying: false });
    expect(views).toHaveLength(1);
  });

  it('waits while reading, shows when reading pauses, and steps aside when reading starts again', () => {
    const { flow } = setup();
    flow.setReading(true);
    flow.updateFound();
    expect(flow.view.updatePrompt).toBe(false);
    flow.setReading(false);
    expect(flow.view.updatePrompt).toBe(true);
    flow.setReading(true);
    expect(flow.view.updatePrompt).toBe(false);
    flow.setReading(false);
    expect(flow.view.updatePrompt).toBe(true);
  });

  it('稍后: not offered again in this session, even when found again', () => {
    const { flow, log } = setup();
    flow.updateFound();
    flow.later();
    expect(flow.view.updatePrompt).toBe(false);
    flow.updateFound();
    flow.setReading(true);
    flow.setReading(false);
    expect(flow.view.updatePrompt).toBe(false);
    expect(flow.state.phase).toBe('postponed');
    expect(log).toEqual([]);
  });

  it('刷新: saves first, then activates, and reloads only when the new version is in control', async () => {
    const { flow, log, finishSave } = setup();
    flow.updateFound();
    const accepted = flow.accept();
    expect(flow.view).toEqual({ offlineNotice: false, updatePrompt: true, applying: true });
    expect(log).toEqual(['save']);
    finishSave();
    await accepted;
    expect(log).toEqual(['save', 'activate']);
    flow.controlling();
    expect(log).toEqual(['save', 'activate', 'reload']);
  });

  it('刷新 when saving fails: the update still goes on', async () => {
    const { flow, log, finishSave } = setup({ saveFails: true });
    flow.updateFound();
    const accepted = flow.accept();
    finishSave();
    await accepted;
    expect(log).toEqual(['save', 'activate']);
  });

  it('刷新 twice does it once', async () => {
    const { flow, log, finishSave } = setup();
    flow.updateFound();
    const first = flow.accept();
    const second = flow.accept();
    finishSave();
    await Promise.all([first, second]);
    expect(log).toEqual(['save', 'activate']);
  });

  it('刷新 is not possible while nothing is offered', async () => {
    const { flow, log } = setup();
    await flow.accept();
    flow.updateFound();
    flow.later();
    await flow.accept();
    expect(log).toEqual([]);
  });

  it('never reloads by itself: another tab let the new version in, so a reload is offered', async () => {
    const { flow, log, finishSave } = setup();
    flow.setReading(true);
    flow.controlling();
    expect(log).toEqual([]);
    expect(flow.view.updatePrompt).toBe(false); // reading
    flow.setReading(false);
    expect(flow.view.updatePrompt).toBe(true);
    const accepted = flow.accept();
    finishSave();
    await accepted;
    expect(log).toEqual(['save', 'reload']); // nothing to activate: already in control
  });

  it('the offer and the offline notice are independent', () => {
    const { flow } = setup();
    flow.offlineReady();
    flow.updateFound();
    expect(flow.view).toEqual({ offlineNotice: true, updatePrompt: true, applying: false });
    flow.dismissOfflineReady();
    expect(flow.view).toEqual({ offlineNotice: false, updatePrompt: true, applying: false });
  });

  it('fires a change only when the view changes', () => {
    const { flow, views } = setup();
    flow.setReading(true);
    flow.setReading(false);
    flow.updateFound();
    flow.updateFound();
    expect(views).toHaveLength(1);
  });
});
