import { dateTime, t, type Key } from '../i18n/i18n';
import { defaultPeriod, replaySpeeds, sliderSteps, sliderToTime, timeToSlider, type ReplayController } from '../replay/replay';
import { h } from './dom';

/** `datetime-local` text of a Date in the browser's zone. */
export function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Picks a period and speed, starts the replay, and plays/pauses/steps/stops it; "back to live" leaves. */
export class ReplayPanel {
  readonly element: HTMLElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly speed: HTMLSelectElement;
  private readonly state = h('p', { class: 'replay-state', role: 'status' });
  private readonly error = h('p', { class: 'error', role: 'alert', hidden: true });
  private readonly position = h('p', { class: 'replay-position' });
  private readonly slider: HTMLInputElement;
  private readonly buttons: Record<'play' | 'pause' | 'resume' | 'step' | 'stop' | 'live', HTMLButtonElement>;

  /** The time the slider is being dragged to (ms), NaN when not dragging. */
  private dragTarget = Number.NaN;

  constructor(private readonly controller: ReplayController, private readonly actions: { start(from: Date, to: Date, speed: number): void; leave(): void; run(action: () => Promise<void>): void; seek(to: Date): void }) {
    const period = defaultPeriod(new Date());
    this.from = h('input', { type: 'datetime-local', name: 'from', value: toLocalInput(period.from), step: 1 });
    this.to = h('input', { type: 'datetime-local', name: 'to', value: toLocalInput(period.to), step: 1 });
    this.speed = h('select', { name: 'speed' }, ...replaySpeeds.map((s) => h('option', { value: s }, `×${s}`)));
    this.slider = h('input', { type: 'range', min: 0, max: sliderSteps, value: 0, disabled: true, class: 'replay-slider', i18nTitle: 'replay.position' });
    // While dragging only the target time is shown; the seek goes to the server on release (change).
    this.slider.addEventListener('input', () => {
      this.dragTarget = sliderToTime(Number(this.slider.value), this.controller.clock.from, this.controller.clock.to);
      this.showPosition(this.dragTarget, true);
    });
    this.slider.addEventListener('change', () => {
      const target = sliderToTime(Number(this.slider.value), this.controller.clock.from, this.controller.clock.to);
      this.dragTarget = Number.NaN;
      if (Number.isFinite(target) && this.controller.seekable) this.actions.seek(new Date(target));
      this.render(Date.now());
    });
    const button = (key: Key, cls: string, onClick: () => void) => h('button', { type: 'button', class: cls, i18n: key, onClick });
    this.buttons = {
      play: button('replay.play', 'primary', () => this.actions.start(new Date(this.from.value), new Date(this.to.value), Number(this.speed.value))),
      pause: button('replay.pause', '', () => this.actions.run(() => this.controller.pause())),
      resume: button('replay.resume', '', () => this.actions.run(() => this.controller.resume(Number(this.speed.value)))),
      step: button('replay.step', '', () => this.actions.run(() => this.controller.step())),
      stop: button('replay.stop', '', () => this.actions.run(() => this.controller.stop())),
      live: button('replay.backToLive', 'live', () => this.actions.leave()),
    };
    this.element = h('section', { class: 'replay-panel' },
      h('div', { class: 'fields' },
        h('label', {}, h('span', { i18n: 'replay.from' }), this.from),
        h('label', {}, h('span', { i18n: 'replay.to' }), this.to),
        h('label', {}, h('span', { i18n: 'replay.speed' }), this.speed)),
      h('div', { class: 'buttons' }, ...Object.values(this.buttons)),
      this.error, this.state, this.slider, this.position);
    this.render(Date.now());
  }

  /** Re-draws from the controller's view; `wallNow` moves the slider between the server's reports. */
  render(wallNow: number): void {
    const view = this.controller.view;
    const phase = view.phase;
    const playing = phase === 'running' || phase === 'paused';
    this.buttons.play.disabled = phase === 'starting' || playing;
    this.buttons.pause.disabled = phase !== 'running';
    this.buttons.resume.disabled = phase !== 'paused';
    this.buttons.step.disabled = phase !== 'paused';
    this.buttons.stop.disabled = !playing;
    this.buttons.live.disabled = phase === 'idle';
    this.from.disabled = this.to.disabled = playing || phase === 'starting';
    this.state.textContent = t(`replay.state.${phase}` as Key) + (view.replay ? ` · ×${view.replay.speed} · ${t('replay.observations', { n: view.replay.observations })}` : '');
    if (view.error) {
      this.error.hidden = false;
      this.error.textContent = t(view.error.key, { detail: view.error.detail ?? '' });
    } else {
      this.error.hidden = true;
    }
    this.slider.disabled = !this.controller.seekable;
    if (this.slider.disabled) this.dragTarget = Number.NaN;
    if (!Number.isNaN(this.dragTarget)) return; // the thumb and the target time stay where the user holds them
    const clock = this.controller.clock;
    const position = clock.positionAt(wallNow);
    this.slider.value = String(timeToSlider(position, clock.from, clock.to));
    this.showPosition(phase === 'idle' ? Number.NaN : position, false);
  }

  private showPosition(time: number, target: boolean): void {
    this.position.textContent = Number.isNaN(time) ? '' : `${t(target ? 'replay.seekTo' : 'replay.position')}: ${dateTime(new Date(time).toISOString())}`;
  }
}
