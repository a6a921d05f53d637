import i18next from 'i18next';
import { en } from './messages-en.ts';
import { vi } from './messages-vi.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** The interface's languages: Vietnamese for the researchers the graph is about, English for everyone else. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the analyst's choice of language is kept between visits. */
const STORAGE_KEY = 'hoptac-language';

const listeners: (() => void)[] = [];

function isLanguage(value: string | null | undefined): value is Language {
  return value === 'vi' || value === 'en';
}

/**
 * The language to start in: `?lang=` in the address, else the one the analyst chose last time,
 * else the first of the browser's languages the page speaks (`vi-VN` → Vietnamese), else English.
 */
export function pickLanguage(asked: string | null, stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(asked)) return asked;
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Starts translation in the language the address, the last choice or the browser asks for, and translates the page. */
export async function startI18n(): Promise<Language> {
  const language = pickLanguage(new URLSearchParams(location.search).get('lang'), readStored(), navigator.languages ?? [navigator.language]);
  await i18next.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, vi: { translation: vi } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  translateDocument(document);
  return language;
}

/** The language the interface speaks now. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** Switches the interface to `language`, remembers the choice, and has every view redraw its text. */
export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be off (private windows): the choice then lasts for this page only.
  }
  document.documentElement.lang = language;
  translateDocument(document);
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change of language, so a view can draw its text again. */
export function onLanguageChange(listener: () => void): void {
  listeners.push(listener);
}

/** The translation of a message key (typed: a key missing from the messages does not compile). */
export const t = i18next.t.bind(i18next);

/**
 * Translates the static text of the page: an element's `data-i18n` key gives its text,
 * `data-i18n-placeholder`, `data-i18n-label` and `data-i18n-title` its placeholder, accessible
 * label and tooltip.
 */
export function translateDocument(root: ParentNode): void {
  const translate = (key: string | undefined) => (key ? t(key as never) : '');
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = translate(element.dataset.i18n);
  for (const element of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) element.placeholder = translate(element.dataset.i18nPlaceholder);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) element.setAttribute('aria-label', translate(element.dataset.i18nLabel));
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) element.title = translate(element.dataset.i18nTitle);
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
