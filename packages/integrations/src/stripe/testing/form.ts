/** A decoded form value: Stripe's bracket syntax (`a[b][0][c]=v`) nests objects and lists. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

function segmentsOf(key: string): string[] {
  const first = key.split('[', 1)[0] ?? key;
  const rest = [...key.slice(first.length).matchAll(/\[([^\]]*)\]/g)].map(
    (match) => match[1] ?? '',
  );
  return [first, ...rest];
}

function setPath(target: FormObject, segments: readonly string[], value: string): void {
  let node: FormObject = target;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === undefined || typeof next === 'string' || Array.isArray(next)) {
      const child: FormObject = {};
      node[segment] = child;
      node = child;
    } else {
      node = next;
    }
  });
}

/** Objects whose keys are 0…n-1 become lists, as Stripe reads `line_items[0][price]`. */
function listify(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key): [string, FormValue] => [key, listify(value[key] ?? '')]);
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isList ? entries.map(([, item]) => item) : Object.fromEntries(entries);
}

/** Decodes an `application/x-www-form-urlencoded` body as the Stripe SDK encodes it. */
export function decodeStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) setPath(root, segmentsOf(key), value);
  const decoded = listify(root);
  return typeof decoded === 'string' || Array.isArray(decoded) ? {} : decoded;
}

/** A nested string field (`field(params, 'subscription_data', 'metadata', 'athleteId')`). */
export function formField(params: FormValue | undefined, ...path: string[]): string | undefined {
  let node: FormValue | undefined = params;
  for (const segment of path) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = Array.isArray(node) ? node[Number(segment)] : node[segment];
  }
  return typeof node === 'string' ? node : undefined;
}
