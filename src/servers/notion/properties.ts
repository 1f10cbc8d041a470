// Page properties as plain values for the model, and plain values back to Notion property values.
import { plainToRichText, richTextToPlain } from './rich-text.js';
import { ToolInputError } from '../shared/tool-input-error.js';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return value && typeof value === 'object' ? (value as Json) : {};
}

function userName(user: unknown): string | null {
  const u = asObject(user);
  if (typeof u.name === 'string' && u.name) return u.name;
  const email = asObject(u.person).email;
  if (typeof email === 'string') return email;
  return typeof u.id === 'string' ? u.id : null;
}

function dateToPlain(date: unknown): PlainValue {
  const d = asObject(date);
  if (typeof d.start !== 'string') return null;
  return typeof d.end === 'string' ? { start: d.start, end: d.end } : d.start;
}

function fileUrl(file: unknown): string | null {
  const f = asObject(file);
  const url = asObject(f.file).url ?? asObject(f.external).url;
  return typeof url === 'string' ? url : typeof f.name === 'string' ? f.name : null;
}

/** One property value (the object under properties[name]) as a plain value. */
export function propertyToPlain(property: unknown): PlainValue {
  const p = asObject(property);
  const type = typeof p.type === 'string' ? p.type : '';
  const value = p[type];
  switch (type) {
    case 'title':
    case 'rich_text':
      return richTextToPlain(value);
    case 'number':
    case 'checkbox':
    case 'url':
    case 'email':
    case 'phone_number':
    case 'created_time':
    case 'last_edited_time':
      return (value as PlainValue) ?? null;
    case 'select':
    case 'status': {
      const name = asObject(value).name;
      return typeof name === 'string' ? name : null;
    }
    case 'multi_select':
      return Array.isArray(value) ? value.map((o) => String(asObject(o).name ?? '')) : [];
    case 'date':
      return dateToPlain(value);
    case 'people':
      return Array.isArray(value) ? value.map(userName).filter((n): n is string => n !== null) : [];
    case 'created_by':
    case 'last_edited_by':
      return userName(value);
    case 'relation':
      return Array.isArray(value) ? value.map((r) => String(asObject(r).id ?? '')) : [];
    case 'files':
      return Array.isArray(value) ? value.map(fileUrl).filter((u): u is string => u !== null) : [];
    case 'formula': {
      const f = asObject(value);
      const inner = f[String(f.type)];
      return f.type === 'date' ? dateToPlain(inner) : ((inner as PlainValue) ?? null);
    }
    case 'rollup': {
      const r = asObject(value);
      if (r.type === 'array' && Array.isArray(r.array)) return r.array.map(propertyToPlain);
      if (r.type === 'date') return dateToPlain(r.date);
      return (r[String(r.type)] as PlainValue) ?? null;
    }
    case 'unique_id': {
      const u = asObject(value);
      if (typeof u.number !== 'number') return null;
      return typeof u.prefix === 'string' && u.prefix ? `${u.prefix}-${u.number}` : u.number;
    }
    case 'verification':
      return typeof asObject(value).state === 'string' ? (asObject(value).state as string) : null;
    default:
      return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as PlainValue);
  }
}

export function propertiesToPlain(properties: unknown): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [name, property] of Object.entries(asObject(properties))) out[name] = propertyToPlain(property);
  return out;
}

/** The page's title, whatever its title property is called. */
export function pageTitle(page: unknown): string {
  const properties = asObject(asObject(page).properties);
  for (const property of Object.values(properties)) {
    // A database schema also has a title-type property, but its `title` is a config object, not text.
    const title = asObject(property).title;
    if (asObject(property).type === 'title' && Array.isArray(title)) return richTextToPlain(title);
  }
  // Databases and data sources carry their title at the top level.
  return richTextToPlain(asObject(page).title);
}

/** Name of the title property in a schema ({name: {type}}), "title" for plain pages. */
export function titlePropertyName(schema: Record<string, { type: string }>): string {
  for (const [name, def] of Object.entries(schema)) if (def.type === 'title') return name;
  return 'title';
}

export class PropertyValueError extends ToolInputError {}

function toStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  throw new PropertyValueError('expected a list of names or a comma-separated string');
}

function toDate(value: unknown): Json | null {
  if (value === null) return null;
  if (typeof value === 'string') return { start: value };
  const v = asObject(value);
  if (typeof v.start === 'string') return { start: v.start, ...(typeof v.end === 'string' ? { end: v.end } : {}) };
  throw new PropertyValueError('expected an ISO date string or {start, end}');
}

/**
 * A plain value as a Notion property value for a property of `type`. Objects that already look like a Notion
 * property value ({select: {...}}, {rich_text: [...]}) are passed through unchanged.
 */
export function plainToPropertyValue(type: string, value: unknown): Json {
  if (value && typeof value === 'object' && !Array.isArray(value) && type in (value as Json)) return value as Json;
  switch (type) {
    case 'title':
    case 'rich_text':
      return { [type]: plainToRichText(value === null ? '' : String(value)) };
    case 'number': {
      if (value === null) return { number: null };
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw new PropertyValueError('expected a number');
      return { number: n };
    }
    case 'checkbox':
      return { checkbox: value === true || value === 'true' };
    case 'select':
    case 'status':
      return { [type]: value === null ? null : { name: String(value) } };
    case 'multi_select':
      return { multi_select: toStringList(value).map((name) => ({ name })) };
    case 'date':
      return { date: toDate(value) };
    case 'url':
    case 'email':
    case 'phone_number':
      return { [type]: value === null ? null : String(value) };
    case 'people':
      return { people: toStringList(value).map((id) => ({ id })) };
    case 'relation':
      return { relation: toStringList(value).map((id) => ({ id })) };
    default:
      throw new PropertyValueError(`properties of type "${type}" cannot be set from a plain value`);
  }
}

/**
 * Plain values keyed by property name -> Notion property values, using the schema for each type.
 * Throws PropertyValueError naming the property when a name is unknown or a value does not fit.
 */
export function plainToProperties(
  values: Record<string, unknown>,
  schema: Record<string, { type: string }>,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(values)) {
    const def = schema[name];
    if (!def) {
      const known = Object.keys(schema).join(', ') || '(none)';
      throw new PropertyValueError(`unknown property "${name}". Known properties: ${known}`);
    }
    try {
      out[name] = plainToPropertyValue(def.type, value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PropertyValueError(`property "${name}" (${def.type}): ${reason}`);
    }
  }
  return out;
}

/** {name: {type, ...}} from a page's properties or a database / data source schema. */
export function schemaOf(properties: unknown): Record<string, { type: string }> {
  const out: Record<string, { type: string }> = {};
  for (const [name, def] of Object.entries(asObject(properties))) {
    const type = asObject(def).type;
    if (typeof type === 'string') out[name] = { type };
  }
  return out;
}
