import { ApiError, fieldErrors } from '../api/client';
import { heightRefs, zoneKinds, type ZoneAudit, type ZoneFeature } from '../api/types';
import { dateTime, num, t, type Key } from '../i18n/i18n';
import { Draft, type DraftShape } from '../state/draft';
import { buildZone, defaultValues, parseNumber, slotOf, valuesOf, zoneIdFrom, type FormError, type FormSlot, type ZoneFormValues } from '../state/zoneForm';
import { clear, h } from './dom';

export interface ZonePanelActions {
  create(zone: ZoneFeature): Promise<{ created: Array<{ id: string; version: number }> }>;
  update(id: string, zone: ZoneFeature): Promise<{ id: string; version: number }>;
  remove(id: string): Promise<void>;
  history(id: string): Promise<ZoneAudit[]>;
  /** Fetches the zones again (after a change, or to load the version someone else saved). */
  reload(): Promise<ZoneFeature[]>;
  /** The map sends its pointer to the draft (null: back to normal); `hide` is the zone being edited. */
  drawing(draft: Draft | null, hide: string | null): void;
  /** The draft or its buffer changed: draw it again. */
  draftChanged(bufferM: number): void;
  forbidden(): void;
  unauthorized(): void;
}

interface Editing {
  mode: 'new' | 'edit';
  original: ZoneFeature | null;
  draft: Draft;
  /** The id was typed by hand (it no longer follows the name). */
  idTouched: boolean;
}

const kindKey = (kind: string): Key => ((zoneKinds as readonly string[]).includes(kind) ? (`zoneKind.${kind}` as Key) : 'zoneKind.other');
const refKey = (ref: string): Key => ((heightRefs as readonly string[]).includes(ref) ? (`heightRef.${ref}` as Key) : 'heightRef.ellipsoid');
const actionKeys: Record<string, Key> = { created: 'zones.action.created', updated: 'zones.action.updated', deleted: 'zones.action.deleted' };

/**
 * Protected zones: the list (kind, band, buffer, version and who saved it; its change history on demand)
 * and, for operator keys, drawing a new zone (polygon or circle) or editing and deleting one. The form's
 * own checks come first; the server's 422 field errors and 409 conflicts are shown next to the fields.
 */
export class ZonePanel {
  readonly element = h('section', { class: 'zone-panel' });
  private readonly tools = h('div', { class: 'zone-tools' });
  private readonly formHost = h('div', { class: 'zone-form-host' });
  private readonly message = h('p', { class: 'zone-message', role: 'status', hidden: true });
  private readonly list = h('div', { class: 'zone-list' });
  private zones: ZoneFeature[] = [];
  private canOperate = false;
  private editing: Editing | null = null;
  private errors: FormError[] = [];
  private conflict = false;
  private saving = false;
  private confirmDelete: string | null = null;
  private readonly histories = new Map<string, ZoneAudit[] | 'loading' | string>();
  private messageText: (() => string) | null = null;
  private fields: Record<string, HTMLInputElement | HTMLSelectElement> = {};
  private draftStatus: HTMLElement | null = null;

  constructor(private readonly actions: ZonePanelActions) {
    this.element.append(this.tools, this.formHost, this.message, this.list);
  }

  get editingId(): string | null {
    return this.editing?.mode === 'edit' ? (this.editing.original?.properties.id ?? null) : null;
  }

  get isEditing(): boolean {
    return this.editing !== null;
  }

  /** Redraws the list and tools (the open form keeps what is typed in it). */
  render(zones: ZoneFeature[], canOperate: boolean): void {
    this.zones = zones;
    if (this.canOperate && !canOperate && this.editing) this.close();
    this.canOperate = canOperate;
    clear(this.tools);
    if (canOperate) {
      const busy = this.editing !== null;
      this.tools.append(
        h('button', { type: 'button', class: 'new-polygon', disabled: busy, onClick: () => this.startNew('polygon') }, t('zones.newPolygon')),
        h('button', { type: 'button', class: 'new-circle', disabled: busy, onClick: () => this.startNew('circle') }, t('zones.newCircle')));
    } else {
      this.tools.append(h('p', { class: 'read-only' }, t('zones.readOnly')));
    }
    this.renderMessage();
    this.renderList();
    if (this.editing) {
      this.renderErrors();
      this.syncDraft();
    }
  }

  /** The map changed the draft (a click, a drag): the form shows it. */
  onDraftChanged(): void {
    this.syncDraft();
    this.actions.draftChanged(this.bufferM());
  }

  // ---- list ---------------------------------------------------------------------------------

  private renderList(): void {
    clear(this.list);
    if (this.zones.length === 0) {
      this.list.append(h('p', { class: 'empty' }, t('zones.none')));
      return;
    }
    this.list.append(h('p', { class: 'summary' }, this.zones.length === 1 ? t('zones.countOne') : t('zones.count', { n: this.zones.length })));
    const ul = h('ul', { class: 'zones' });
    for (const z of [...this.zones].sort((a, b) => String(a.properties.name).localeCompare(String(b.properties.name)))) ul.append(this.row(z));
    this.list.append(ul);
  }

  private row(z: ZoneFeature): HTMLElement {
    const p = z.properties;
    const kind = String(p.kind ?? 'other');
    const facts = [
      t(kindKey(kind)),
      t('zones.band', { floor: num(p.floor_m), ceiling: num(p.ceiling_m), ref: t(refKey(String(p.height_ref))) }),
      typeof p.radius_m === 'number' ? t('zones.radiusShort', { v: num(p.radius_m) }) : '',
      typeof p.buffer_m === 'number' && p.buffer_m > 0 ? t('zones.bufferShort', { v: num(p.buffer_m) }) : '',
    ].filter(Boolean);
    const li = h('li', { class: `zone kind-${(zoneKinds as readonly string[]).includes(kind) ? kind : 'other'}`, 'data-id': p.id },
      h('header', {}, h('span', { class: 'swatch' }), h('strong', {}, p.name), h('span', { class: 'zone-id' }, p.id)),
      h('p', { class: 'facts' }, facts.join(' · ')),
      typeof p.version === 'number' ? h('p', { class: 'version' }, t('zones.versionBy', { v: p.version, who: p.updated_by ?? '?' }) + (p.updated_at ? ` · ${dateTime(p.updated_at)}` : '')) : null);
    const buttons = h('div', { class: 'buttons' });
    if (this.canOperate) {
      if (this.confirmDelete === p.id) {
        buttons.append(
          h('span', { class: 'confirm' }, t('zones.confirmDelete', { name: p.name })),
          h('button', { type: 'button', class: 'danger confirm-delete', onClick: () => void this.remove(z) }, t('zones.yes')),
          h('button', { type: 'button', onClick: () => this.setConfirm(null) }, t('zones.no')));
      } else {
        buttons.append(
          h('button', { type: 'button', class: 'edit', disabled: this.editing !== null, onClick: () => this.startEdit(z) }, t('zones.edit')),
          h('button', { type: 'button', class: 'delete', disabled: this.editing !== null, onClick: () => this.setConfirm(p.id) }, t('zones.delete')));
      }
    }
    buttons.append(h('button', { type: 'button', class: 'history', 'aria-expanded': this.histories.has(p.id) ? 'true' : 'false', onClick: () => void this.toggleHistory(p.id) }, t('zones.history')));
    li.append(buttons);
    const history = this.histories.get(p.id);
    if (history === 'loading') li.append(h('p', { class: 'loading' }, t('alert.timelineLoading')));
    else if (typeof history === 'string') li.append(h('p', { class: 'error' }, history));
    else if (history) {
      li.append(h('ul', { class: 'zone-history' }, ...history.map((a) =>
        h('li', {}, `v${a.version} · ${actionKeys[a.action] ? t(actionKeys[a.action]!) : a.action} · ${a.actor} · ${dateTime(a.time)}`))));
    }
    return li;
  }

  private setConfirm(id: string | null): void {
    this.confirmDelete = id;
    this.renderList();
  }

  private async toggleHistory(id: string): Promise<void> {
    if (this.histories.has(id)) {
      this.histories.delete(id);
      this.renderList();
      return;
    }
    this.histories.set(id, 'loading');
    this.renderList();
    try {
      const audit = await this.actions.history(id);
      this.histories.set(id, Array.isArray(audit) ? audit : []);
    } catch (e) {
      if (e instanceof ApiError && e.failure === 'unauthorized') return this.actions.unauthorized();
      this.histories.set(id, e instanceof Error ? e.message : String(e));
    }
    this.renderList();
  }

  private async remove(z: ZoneFeature): Promise<void> {
    this.confirmDelete = null;
    try {
      await this.actions.remove(z.properties.id);
      this.say(() => t('zones.deleted', { name: z.properties.name }));
      await this.reload();
    } catch (e) {
      this.failure(e, (text) => this.say(() => text));
      this.renderList();
    }
  }

  // ---- the form ------------------------------------------------------------------------------

  private startNew(shape: DraftShape): void {
    this.open({ mode: 'new', original: null, draft: new Draft(shape), idTouched: false }, defaultValues());
  }

  private startEdit(zone: ZoneFeature): void {
    this.open({ mode: 'edit', original: zone, draft: Draft.of(zone), idTouched: true }, valuesOf(zone));
  }

  private open(editing: Editing, values: ZoneFormValues): void {
    this.editing = editing;
    this.errors = [];
    this.conflict = false;
    this.say(null);
    this.buildForm(values);
    this.render(this.zones, this.canOperate);
    this.actions.drawing(editing.draft, this.editingId);
    this.actions.draftChanged(this.bufferM());
  }

  private close(): void {
    this.editing = null;
    this.errors = [];
    this.conflict = false;
    this.fields = {};
    this.draftStatus = null;
    clear(this.formHost);
    this.actions.drawing(null, null);
    this.render(this.zones, this.canOperate);
  }

  private buildForm(values: ZoneFormValues): void {
    const editing = this.editing!;
    const draft = editing.draft;
    const slot = (name: FormSlot) => h('p', { class: 'field-error', 'data-slot': name, role: 'alert', hidden: true });
    const input = (name: string, value: string, extra: Record<string, string | number | boolean> = {}) => h('input', { name, value, autocomplete: 'off', ...extra });
    const field = (label: Key, control: HTMLElement, name: FormSlot | null) => h('label', { class: `field${name ? ` f-${name}` : ''}` }, h('span', { i18n: label }), control, name ? slot(name) : null);
    const select = (name: string, options: readonly string[], key: (v: string) => Key, value: string) => {
      const s = h('select', { name }, ...options.map((o) => h('option', { value: o, i18n: key(o) })));
      s.value = value;
      return s;
    };
    const f = {
      id: input('id', values.id, { maxlength: 64, spellcheck: 'false', readonly: editing.mode === 'edit' }),
      name: input('name', values.name, { maxlength: 200 }),
      kind: select('kind', zoneKinds, kindKey, values.kind),
      floor_m: input('floor_m', values.floor, { inputmode: 'decimal' }),
      ceiling_m: input('ceiling_m', values.ceiling, { inputmode: 'decimal' }),
      height_ref: select('height_ref', heightRefs, refKey, values.heightRef),
      buffer_m: input('buffer_m', values.buffer, { inputmode: 'decimal' }),
      radius_m: input('radius_m', values.radius, { inputmode: 'decimal' }),
      centre_lat: input('centre_lat', '', { inputmode: 'decimal' }),
      centre_lon: input('centre_lon', '', { inputmode: 'decimal' }),
    };
    this.fields = f;
    f.name.addEventListener('input', () => {
      if (editing.mode === 'new' && !editing.idTouched) f.id.value = zoneIdFrom(f.name.value, new Set(this.zones.map((z) => z.properties.id)));
    });
    f.id.addEventListener('input', () => (editing.idTouched = true));
    f.buffer_m.addEventListener('input', () => this.actions.draftChanged(this.bufferM()));
    f.radius_m.addEventListener('input', () => {
      const r = parseNumber(f.radius_m.value);
      draft.setRadius(r > 0 ? r : Number.NaN);
      this.actions.draftChanged(this.bufferM());
      this.updateDraftStatus();
    });
    const typedCentre = () => {
      draft.setCentre(parseNumber(f.centre_lat.value), parseNumber(f.centre_lon.value));
      this.actions.draftChanged(this.bufferM());
    };
    f.centre_lat.addEventListener('input', typedCentre);
    f.centre_lon.addEventListener('input', typedCentre);

    this.draftStatus = h('span', { class: 'draft-status' });
    const drawTools = draft.shape === 'polygon'
      ? h('div', { class: 'draw-tools' },
        h('button', { type: 'button', class: 'close-polygon', i18n: 'zones.closePolygon', onClick: () => this.drawAction(() => draft.close()) }),
        h('button', { type: 'button', class: 'undo-vertex', i18n: 'zones.undo', onClick: () => this.drawAction(() => draft.undo()) }),
        h('button', { type: 'button', class: 'redraw', i18n: 'zones.redraw', onClick: () => this.drawAction(() => draft.reset()) }),
        this.draftStatus)
      : h('div', { class: 'draw-tools' },
        h('button', { type: 'button', class: 'redraw', i18n: 'zones.redraw', onClick: () => this.drawAction(() => draft.reset()) }),
        this.draftStatus);
    const title = editing.mode === 'new' ? t('zones.titleNew') : t('zones.titleEdit', { name: editing.original?.properties.name ?? '' });
    const form = h('form', { class: `zone-form shape-${draft.shape}`, novalidate: true, onSubmit: (e) => {
      e.preventDefault();
      void this.save();
    } },
      h('h3', {}, title),
      h('p', { class: 'hint', i18n: draft.shape === 'polygon' ? 'zones.hintPolygon' : 'zones.hintCircle' }),
      drawTools,
      slot('geometry'),
      draft.shape === 'circle'
        ? h('div', { class: 'row' }, field('zones.centreLat', f.centre_lat, null), field('zones.centreLon', f.centre_lon, null), field('zones.radius', f.radius_m, 'radius_m'))
        : null,
      h('div', { class: 'row' }, field('zones.name', f.name, 'name'), field('zones.id', f.id, 'id')),
      field('zones.kind', f.kind, 'kind'),
      h('div', { class: 'row' }, field('zones.floor', f.floor_m, 'floor_m'), field('zones.ceiling', f.ceiling_m, 'ceiling_m')),
      field('zones.heightRef', f.height_ref, 'height_ref'),
      field('zones.buffer', f.buffer_m, 'buffer_m'),
      h('p', { class: 'note', i18n: 'zones.bufferNote' }),
      slot('form'),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary save', i18n: 'zones.save' }),
        h('button', { type: 'button', class: 'cancel', i18n: 'zones.cancel', onClick: () => this.close() })));
    clear(this.formHost);
    this.formHost.append(form);
    if (draft.shape === 'circle' && draft.centre) {
      f.centre_lat.value = draft.centre[1].toFixed(6);
      f.centre_lon.value = draft.centre[0].toFixed(6);
    }
  }

  private drawAction(action: () => unknown): void {
    action();
    this.onDraftChanged();
  }

  /** The form follows the draft: the vertex count, or the circle's centre and radius. */
  private syncDraft(): void {
    const editing = this.editing;
    if (!editing) return;
    const d = editing.draft;
    if (d.shape === 'circle') {
      const f = this.fields;
      const active = document.activeElement;
      if (d.centre && f['centre_lat'] && f['centre_lon'] && active !== f['centre_lat'] && active !== f['centre_lon']) {
        f['centre_lat'].value = d.centre[1].toFixed(6);
        f['centre_lon'].value = d.centre[0].toFixed(6);
      }
      if (f['radius_m'] && active !== f['radius_m']) f['radius_m'].value = d.radius !== null && d.radius > 0 ? String(Math.round(d.radius * 10) / 10) : '';
    }
    this.updateDraftStatus();
  }

  private updateDraftStatus(): void {
    const d = this.editing?.draft;
    if (!d || !this.draftStatus) return;
    if (d.shape === 'polygon') {
      this.draftStatus.textContent = t('zones.vertices', { n: d.vertices.length }) + (d.closed ? ` · ${t('zones.closed')}` : '');
    } else {
      this.draftStatus.textContent = d.complete ? t('zones.radiusShort', { v: num(d.radius ?? 0) }) : '';
    }
    this.element.querySelector('.close-polygon')?.toggleAttribute('disabled', d.closed || d.vertices.length < 3);
  }

  private values(): ZoneFormValues {
    const v = (name: string) => this.fields[name]?.value ?? '';
    return { id: v('id'), name: v('name'), kind: v('kind'), floor: v('floor_m'), ceiling: v('ceiling_m'), heightRef: v('height_ref'), buffer: v('buffer_m'), radius: v('radius_m') };
  }

  private bufferM(): number {
    const b = parseNumber(this.fields['buffer_m']?.value ?? '');
    return Number.isFinite(b) && b > 0 && b <= 100_000 ? b : 0;
  }

  private async save(): Promise<void> {
    const editing = this.editing;
    if (!editing || this.saving) return;
    // A polygon with three vertices or more but not yet closed is closed by saving it.
    if (editing.draft.shape === 'polygon' && !editing.draft.closed) editing.draft.close();
    const built = buildZone(this.values(), editing.draft.complete ? editing.draft.geometry() : null, editing.original?.properties.version);
    this.conflict = false;
    if (!built.zone) {
      this.errors = built.errors;
      this.renderErrors();
      return;
    }
    this.errors = [];
    this.renderErrors();
    this.saving = true;
    this.setSaving(true);
    try {
      let version: number | undefined;
      if (editing.mode === 'new') version = (await this.actions.create(built.zone)).created?.[0]?.version;
      else version = (await this.actions.update(built.zone.properties.id, built.zone)).version;
      this.saving = false;
      this.close();
      this.say(() => t('zones.saved', { v: version ?? '?' }));
      await this.reload();
    } catch (e) {
      this.saving = false;
      this.setSaving(false);
      if (this.editing !== editing) return;
      this.errors = this.serverErrors(e, editing);
      this.renderErrors();
    }
  }

  /** A refusal as form errors: 422 and a create's 409 by field, an edit's 409 as a conflict, 403 as not allowed. */
  private serverErrors(e: unknown, editing: Editing): FormError[] {
    if (!(e instanceof ApiError)) return [{ slot: 'form', text: t('zones.error.server', { detail: String(e) }) }];
    if (e.failure === 'unauthorized') {
      this.actions.unauthorized();
      return [];
    }
    if (e.failure === 'forbidden') {
      this.actions.forbidden();
      return [{ slot: 'form', key: 'zones.error.forbidden' }];
    }
    if (e.status === 409 && editing.mode === 'edit') {
      this.conflict = true;
      return [{ slot: 'form', text: t('zones.conflict', { detail: e.problem?.detail ?? e.message }) }];
    }
    const fields = fieldErrors(e.problem).map((f): FormError => ({ slot: slotOf(f.field), text: `${f.field}: ${f.reason}` }));
    return fields.length > 0 ? fields : [{ slot: 'form', text: t('zones.error.server', { detail: e.message }) }];
  }

  private renderErrors(): void {
    const form = this.formHost.querySelector('form');
    if (!form) return;
    const bySlot = new Map<string, string[]>();
    for (const e of this.errors) bySlot.set(e.slot, [...(bySlot.get(e.slot) ?? []), e.key ? t(e.key) : (e.text ?? '')]);
    form.querySelectorAll<HTMLElement>('.field-error').forEach((el) => {
      const texts = bySlot.get(el.dataset['slot'] ?? '');
      el.hidden = !texts;
      el.textContent = texts ? texts.join(' ') : '';
      el.closest('label')?.classList.toggle('invalid', !!texts);
    });
    form.querySelector('.reload-zone')?.remove();
    if (this.conflict) {
      form.querySelector('[data-slot="form"]')?.after(h('button', { type: 'button', class: 'reload-zone', onClick: () => void this.loadCurrent() }, t('zones.reload')));
    }
  }

  private setSaving(saving: boolean): void {
    const button = this.formHost.querySelector<HTMLButtonElement>('button.save');
    if (!button) return;
    button.disabled = saving;
    button.textContent = t(saving ? 'zones.saving' : 'zones.save');
  }

  /** After a 409 on an edit: the form and outline from the version now on the server. */
  private async loadCurrent(): Promise<void> {
    const id = this.editingId;
    if (!id) return;
    try {
      const zones = await this.reload();
      const current = zones.find((z) => z.properties.id === id);
      if (current) this.open({ mode: 'edit', original: current, draft: Draft.of(current), idTouched: true }, valuesOf(current));
      else this.close();
    } catch (e) {
      this.failure(e, (text) => {
        this.errors = [{ slot: 'form', text }];
        this.renderErrors();
      });
    }
  }

  private async reload(): Promise<ZoneFeature[]> {
    const zones = await this.actions.reload();
    this.render(zones, this.canOperate);
    return zones;
  }

  private failure(e: unknown, show: (text: string) => void): void {
    if (e instanceof ApiError && e.failure === 'unauthorized') return this.actions.unauthorized();
    if (e instanceof ApiError && e.failure === 'forbidden') {
      this.actions.forbidden();
      return show(t('zones.error.forbidden'));
    }
    show(t('zones.error.server', { detail: e instanceof Error ? e.message : String(e) }));
  }

  private say(text: (() => string) | null): void {
    this.messageText = text;
    this.renderMessage();
  }

  private renderMessage(): void {
    this.message.hidden = this.messageText === null;
    this.message.textContent = this.messageText ? this.messageText() : '';
  }
}
