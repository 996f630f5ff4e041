import { describe, expect, it } from 'vitest';
import { ModalController } from './modal-controller.ts';
import { FakeHost } from './testing/fake-host.ts';

/** Just what the controller uses of a <dialog> and of the element focus goes back to. */
function fakeDialog(): HTMLDialogElement & { opened: number } {
  const dialog = { open: false, opened: 0, showModal: () => undefined };
  dialog.showModal = () => {
    dialog.open = true;
    dialog.opened++;
  };
  return dialog as unknown as HTMLDialogElement & { opened: number };
}

function fakeTrigger(isConnected = true): HTMLElement & { focused: number } {
  const trigger = { isConnected, focused: 0, focus: () => undefined };
  trigger.focus = () => {
    trigger.focused++;
  };
  return trigger as unknown as HTMLElement & { focused: number };
}

describe('ModalController', () => {
  it('opens the dialog as a modal once, and gives focus back to the trigger when it closes', () => {
    const dialog = fakeDialog();
    const modal = new ModalController(new FakeHost(), () => dialog);
    const trigger = fakeTrigger();
    modal.show(trigger);
    modal.show(trigger);
    expect(dialog.opened).toBe(1);
    modal.returnFocus();
    expect(trigger.focused).toBe(1);
    modal.returnFocus(); // a second close event: focus was given back already
    expect(trigger.focused).toBe(1);
  });

  it('gives focus back to nothing when told focus goes elsewhere, or when the trigger has gone', () => {
    const modal = new ModalController(new FakeHost(), fakeDialog);
    const elsewhere = fakeTrigger();
    modal.show(elsewhere);
    modal.dropReturn();
    modal.returnFocus();
    expect(elsewhere.focused).toBe(0);

    const gone = fakeTrigger(false);
    modal.show(gone);
    modal.returnFocus();
    expect(gone.focused).toBe(0);
  });
});
