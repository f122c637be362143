import { num, t } from '../i18n/i18n';

export const none = () => t('value.none');

export function speed(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? t('unit.mps', { v: num(v, 1) }) : none();
}

export function metres(v: number | null | undefined, digits = 0): string {
  return typeof v === 'number' && Number.isFinite(v) ? t('unit.m', { v: num(v, digits) }) : none();
}

export function seconds(v: number | null | undefined, digits = 0): string {
  return typeof v === 'number' && Number.isFinite(v) ? t('unit.s', { v: num(v, digits) }) : none();
}

export function degrees(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? t('unit.deg', { v: num(v, 0) }) : none();
}

export function latLon(lat: number, lon: number): string {
  return `${num(lat, 5)}, ${num(lon, 5)}`;
}
