/**
 * `GET /tabs` and `GET /theme` (REST API Developer Guide, "Tabs", "Themes"; jsforce's DescribeTab and
 * DescribeTheme in node_modules/jsforce/lib/types/common.d.ts), derived from schema/: one tab per
 * object (standard tabs are named `standard-<Object>`, custom object tabs by the object's API name),
 * each with Salesforce's Classic (theme3) 32/16 px icons and the Lightning (theme4) colour and 120 px
 * icon; the theme lists the same icons and colours per object.
 */
import { OBJECTS } from '../../schema/index.ts';
import type { ObjectDef } from '../../schema/types.ts';

/** The colour of an object without one of its own here (an invented, fixed default). */
const DEFAULT_COLOR = '4BC076';
const COLORS: Record<string, string> = { Account: '7F8DE1', Contact: 'A094ED', Case: 'F2CF5B', User: '65CAE4', Product2: 'B781D3', Order: '769ED9' };

function iconName(obj: ObjectDef): string {
  return obj.custom ? 'custom' : obj.name.toLowerCase();
}

function icons(obj: ObjectDef, base: string): Record<string, unknown>[] {
  const n = iconName(obj);
  return [
    { contentType: 'image/png', height: 32, theme: 'theme3', url: `${base}/img/icon/${n}32.png`, width: 32 },
    { contentType: 'image/png', height: 16, theme: 'theme3', url: `${base}/img/icon/${n}16.png`, width: 16 },
    { contentType: 'image/svg+xml', height: 0, theme: 'theme4', url: `${base}/img/icon/t4v35/standard/${n}.svg`, width: 0 },
    { contentType: 'image/png', height: 120, theme: 'theme4', url: `${base}/img/icon/t4v35/standard/${n}_120.png`, width: 120 },
  ];
}

function colors(obj: ObjectDef): Record<string, unknown>[] {
  const c = COLORS[obj.name] ?? DEFAULT_COLOR;
  return [
    { color: c, context: 'primary', theme: 'theme4' },
    { color: c, context: 'primary', theme: 'theme3' },
  ];
}

function hasTab(obj: ObjectDef): boolean {
  return obj.queryable && obj.searchable;
}

/** `base` is the instance URL (scheme://host:port): tab URLs are absolute, as Salesforce's are. */
export function describeTabs(base: string): Record<string, unknown>[] {
  return OBJECTS.filter(hasTab).map((obj) => ({
    colors: colors(obj),
    custom: obj.custom,
    iconUrl: `${base}/img/icon/${iconName(obj)}32.png`,
    icons: icons(obj, base),
    label: obj.labelPlural,
    miniIconUrl: `${base}/img/icon/${iconName(obj)}16.png`,
    name: obj.custom ? obj.name : `standard-${obj.name}`,
    sobjectName: obj.name,
    url: `${base}/${obj.keyPrefix}/o`,
  }));
}

export function describeTheme(base: string): Record<string, unknown> {
  return { themeItems: OBJECTS.filter(hasTab).map((obj) => ({ colors: colors(obj), icons: icons(obj, base), name: obj.name })) };
}
