/**
 * Prints the types the checker computed for a router as self-contained declaration text:
 * named server types become local declarations, globals and `@trpc/server` exports keep
 * their names, everything else is spelled out.
 */
import ts from 'typescript';

/** Modules the published declaration may import from: the client's peers. */
export const trpcModule = '@trpc/server';
const procedureInterfaces = {
  query: 'TRPCQueryProcedure',
  mutation: 'TRPCMutationProcedure',
  subscription: 'TRPCSubscriptionProcedure',
} as const;
type ProcedureKind = keyof typeof procedureInterfaces;

export class RouterTypesError extends Error {
  override readonly name = 'RouterTypesError';
}

const identifier = /^[A-Za-z_$][\w$]*$/;

export class TypePrinter {
  procedureCount = 0;
  private readonly hoisted = new Map<ts.Symbol, string>();
  private readonly bodies = new Map<string, string>();
  private readonly usedNames = new Set<string>(['AppRouter']);
  private readonly trpcImports = new Set<string>();
  private readonly path: string[] = [];
  private readonly namedShapes = new Map<ts.Type, string>();
  private globalNames: Set<string> | undefined;

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    private readonly trpcExports: Map<ts.Symbol, string>,
  ) {}

  importLine(): string {
    const names = [...this.trpcImports].sort();
    return `import type { ${names.join(', ')} } from '${trpcModule}';`;
  }

  declarations(): string[] {
    return [...this.bodies.values()];
  }

  /** `TRPCBuiltRouter<{ ctx: object, … }, record>`: the server's context is not shown. */
  printRouter(router: ts.Type): string {
    const def = this.property(router, '_def');
    const root = this.property(this.property(def, '_config'), '$types');
    const errorShape = this.property(root, 'errorShape');
    const rootText = [
      'ctx: object;',
      `meta: ${this.print(this.property(root, 'meta'))};`,
      `errorShape: ${this.nameShape(errorShape, 'ErrorShape')};`,
      `transformer: ${this.print(this.property(root, 'transformer'))};`,
    ].join(' ');
    const record = this.printRecord(this.property(def, 'record'), '');
    return `${this.trpc('TRPCBuiltRouter')}<{ ${rootText} }, ${record}>`;
  }

  /** Declares an anonymous type once under a name; later uses of the same type refer to it. */
  private nameShape(type: ts.Type, preferredName: string): string {
    const text = this.print(type);
    if (identifier.test(text) || !(type.flags & ts.TypeFlags.Object)) return text;
    const name = this.uniqueName(preferredName);
    this.bodies.set(name, `export type ${name} = ${text};`);
    this.namedShapes.set(type, name);
    return name;
  }

  /** Declares a named server type locally (once) and answers its local name. */
  hoist(symbol: ts.Symbol, type: ts.Type, preferredName = symbol.name): string {
    const known = this.hoisted.get(symbol);
    if (known) return known;
    const name = this.uniqueName(preferredName);
    this.hoisted.set(symbol, name);
    // `type ErrorCode = keyof …` yields a union that does not carry the alias: later uses
    // of that very union still print as the name.
    if (symbol.flags & ts.SymbolFlags.TypeAlias && type.aliasSymbol !== symbol) {
      this.namedShapes.set(type, name);
    }
    this.bodies.set(name, ''); // reserves the slot, so declarations keep a stable order
    const docs = this.docs(symbol, '');
    const isInterface =
      !type.aliasSymbol && type.flags & ts.TypeFlags.Object && this.isPlainObject(type);
    const body = isInterface
      ? `${docs}export interface ${name} ${this.printObject(type, '')}`
      : `${docs}export type ${name} = ${this.printStructure(type, '')};`;
    this.bodies.set(name, body);
    return name;
  }

  private printRecord(record: ts.Type, indent: string): string {
    const inner = `${indent}  `;
    const lines = this.checker.getPropertiesOfType(record).map((member) => {
      this.path.push(member.name);
      try {
        const type = this.checker.getTypeOfSymbol(member);
        const value = this.isProcedure(type)
          ? this.printProcedure(type, inner)
          : this.printRecord(type, inner);
        return `${this.docs(member, inner)}${inner}${this.key(member.name)}: ${value};`;
      } finally {
        this.path.pop();
      }
    });
    return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
  }

  private isProcedure(type: ts.Type): boolean {
    const def = this.checker.getPropertyOfType(type, '_def');
    return (
      !!def && !!this.checker.getPropertyOfType(this.checker.getTypeOfSymbol(def), 'procedure')
    );
  }

  private printProcedure(procedure: ts.Type, indent: string): string {
    const def = this.property(procedure, '_def');
    const kindType = this.property(def, 'type');
    const kind = kindType.isStringLiteral() ? kindType.value : '';
    if (!(kind in procedureInterfaces)) {
      throw this.error(`has an unknown procedure type "${this.checker.typeToString(kindType)}"`);
    }
    this.procedureCount += 1;
    const types = this.property(def, '$types');
    const inner = `${indent}  `;
    const fields = [
      `${inner}input: ${this.print(this.property(types, 'input'), inner)};`,
      `${inner}output: ${this.print(this.property(types, 'output'), inner)};`,
      `${inner}meta: ${this.print(this.property(procedure, 'meta'), inner)};`,
      `${inner}errorShape: ${this.print(this.property(types, 'errorShape'), inner)};`,
    ];
    const name = this.trpc(procedureInterfaces[kind as ProcedureKind]);
    return `${name}<{\n${fields.join('\n')}\n${indent}}>`;
  }

  /** A type as it is referred to: a name when it has one the declaration can use. */
  private print(type: ts.Type, indent = ''): string {
    const shape = this.namedShapes.get(type);
    if (shape) return shape;
    const alias = type.aliasSymbol;
    if (alias) {
      const args = type.aliasTypeArguments ?? [];
      const trpcName = this.trpcExports.get(alias);
      if (trpcName) return this.trpc(trpcName) + this.printArgs(args, indent);
      if (this.isGlobal(alias)) return alias.name + this.printArgs(args, indent);
      if (args.length === 0) return this.hoist(alias, type);
    } else if (type.flags & ts.TypeFlags.Object) {
      const symbol = type.getSymbol();
      const named = symbol && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class);
      if (named && !this.checker.isArrayType(type) && !this.checker.isTupleType(type)) {
        const args = this.typeArguments(type);
        const trpcName = this.trpcExports.get(symbol);
        if (trpcName) return this.trpc(trpcName) + this.printArgs(args, indent);
        if (this.isGlobal(symbol)) return symbol.name + this.printArgs(args, indent);
        if (args.length === 0) return this.hoist(symbol, type);
      }
    }
    return this.printStructure(type, indent);
  }

  /** A type spelled out: what it is made of, never its name. */
  private printStructure(type: ts.Type, indent: string): string {
    const f = type.flags;
    if (f & ts.TypeFlags.Any) return 'any';
    if (f & ts.TypeFlags.Unknown) return 'unknown';
    if (f & ts.TypeFlags.String) return 'string';
    if (f & ts.TypeFlags.Number) return 'number';
    if (f & ts.TypeFlags.Boolean) return 'boolean';
    if (f & ts.TypeFlags.BigInt) return 'bigint';
    if (f & ts.TypeFlags.ESSymbol) return 'symbol';
    if (f & ts.TypeFlags.Void) return 'void';
    if (f & ts.TypeFlags.Undefined) return 'undefined';
    if (f & ts.TypeFlags.Null) return 'null';
    if (f & ts.TypeFlags.Never) return 'never';
    if (f & ts.TypeFlags.NonPrimitive) return 'object';
    if (type.isStringLiteral()) return JSON.stringify(type.value);
    if (type.isNumberLiteral()) return String(type.value);
    if (f & ts.TypeFlags.BooleanLiteral) return this.checker.typeToString(type);
    if (f & ts.TypeFlags.BigIntLiteral) return this.checker.typeToString(type);
    if (f & (ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) {
      return this.plainText(type);
    }
    if (type.isUnion()) return this.printUnion(type.types, indent);
    if (type.isIntersection()) {
      return type.types.map((t) => this.wrap(t, this.print(t, indent))).join(' & ');
    }
    if (f & ts.TypeFlags.Object) {
      if (this.checker.isTupleType(type))
        return this.printTuple(type as ts.TupleTypeReference, indent);
      if (this.checker.isArrayType(type)) {
        const [element] = this.typeArguments(type);
        if (!element) throw this.error('has an array type without an element type');
        const readonly = type.getSymbol()?.name === 'ReadonlyArray' ? 'readonly ' : '';
        return `${readonly}${this.wrap(element, this.print(element, indent))}[]`;
      }
      return this.printObject(type, indent);
    }
    throw this.error(`has a type the client cannot spell out: ${this.checker.typeToString(type)}`);
  }

  private printUnion(types: readonly ts.Type[], indent: string): string {
    const parts: string[] = [];
    const nullish: string[] = [];
    let booleanPrinted = false;
    const hasTrue = types.some((t) => this.isBooleanLiteral(t, 'true'));
    const hasFalse = types.some((t) => this.isBooleanLiteral(t, 'false'));
    for (const member of types) {
      if (hasTrue && hasFalse && member.flags & ts.TypeFlags.BooleanLiteral) {
        if (!booleanPrinted) parts.push('boolean');
        booleanPrinted = true;
        continue;
      }
      if (member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) {
        nullish.push(this.print(member, indent));
      } else {
        parts.push(this.print(member, indent));
      }
    }
    return [...parts, ...nullish.sort()].join(' | ');
  }

  private isBooleanLiteral(type: ts.Type, value: 'true' | 'false'): boolean {
    return (
      !!(type.flags & ts.TypeFlags.BooleanLiteral) && this.checker.typeToString(type) === value
    );
  }

  private printTuple(type: ts.TupleTypeReference, indent: string): string {
    const target = type.target;
    const elements = this.checker.getTypeArguments(type).map((element, i) => {
      const flags = target.elementFlags[i] ?? ts.ElementFlags.Required;
      const text = this.print(element, indent);
      const label = target.labeledElementDeclarations?.[i]?.name;
      if (label && ts.isIdentifier(label)) {
        if (flags & ts.ElementFlags.Optional) return `${label.text}?: ${text}`;
        if (flags & ts.ElementFlags.Rest) return `...${label.text}: ${this.wrap(element, text)}[]`;
        if (flags & ts.ElementFlags.Variadic) return `...${label.text}: ${text}`;
        return `${label.text}: ${text}`;
      }
      if (flags & ts.ElementFlags.Optional) return `${this.wrap(element, text)}?`;
      if (flags & ts.ElementFlags.Rest) return `...${this.wrap(element, text)}[]`;
      if (flags & ts.ElementFlags.Variadic) return `...${text}`;
      return text;
    });
    return `${target.readonly ? 'readonly ' : ''}[${elements.join(', ')}]`;
  }

  private printObject(type: ts.Type, indent: string): string {
    const checker = this.checker;
    if (
      checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0 ||
      checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length > 0
    ) {
      throw this.error(
        `has a function type, which cannot cross the wire: ${checker.typeToString(type)}`,
      );
    }
    const inner = `${indent}  `;
    const lines: string[] = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      const readonly = info.isReadonly ? 'readonly ' : '';
      const key = this.print(info.keyType, inner);
      lines.push(`${inner}${readonly}[key: ${key}]: ${this.print(info.type, inner)};`);
    }
    for (const member of checker.getPropertiesOfType(type)) {
      if (member.name.startsWith('__@')) {
        throw this.error(
          `has a symbol-keyed property (a brand?) the client cannot name: ${checker.typeToString(type)}`,
        );
      }
      const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
      const readonly = this.isReadonly(member) ? 'readonly ' : '';
      const value = this.print(checker.getTypeOfSymbol(member), inner);
      lines.push(
        `${this.docs(member, inner)}${inner}${readonly}${this.key(member.name)}${optional}: ${value};`,
      );
    }
    return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
  }

  private printArgs(args: readonly ts.Type[], indent: string): string {
    return args.length === 0 ? '' : `<${args.map((a) => this.print(a, indent)).join(', ')}>`;
  }

  private typeArguments(type: ts.Type): readonly ts.Type[] {
    if (!(type.flags & ts.TypeFlags.Object)) return [];
    const objectType = type as ts.ObjectType;
    if (!(objectType.objectFlags & ts.ObjectFlags.Reference)) return [];
    const reference = type as ts.TypeReference;
    const count = reference.target.typeParameters?.length ?? 0;
    return this.checker.getTypeArguments(reference).slice(0, count);
  }

  /** Plain, non-generic object types are declared as interfaces; anything else as aliases. */
  private isPlainObject(type: ts.Type): boolean {
    return (
      !this.checker.isArrayType(type) &&
      !this.checker.isTupleType(type) &&
      this.typeArguments(type).length === 0
    );
  }

  private isGlobal(symbol: ts.Symbol): boolean {
    const declarations = symbol.getDeclarations() ?? [];
    return (
      declarations.length > 0 && declarations.every((d) => this.isGlobalFile(d.getSourceFile()))
    );
  }

  private isGlobalFile(file: ts.SourceFile): boolean {
    return (
      this.program.isSourceFileDefaultLibrary(file) ||
      /[\\/]node_modules[\\/](typescript[\\/]lib|@types[\\/]node)[\\/]/.test(file.fileName)
    );
  }

  private isReadonly(member: ts.Symbol): boolean {
    return (member.getDeclarations() ?? []).some(
      (d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly,
    );
  }

  private docs(symbol: ts.Symbol, indent: string): string {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(this.checker));
    const tags = symbol
      .getJsDocTags(this.checker)
      .map((tag) => `@${tag.name}${tag.text ? ` ${ts.displayPartsToString(tag.text)}` : ''}`);
    const lines = [...(text ? text.split('\n') : []), ...tags];
    if (lines.length === 0) return '';
    const body = lines.map((line) => `${indent} * ${line.replaceAll('*/', '*\\/')}`.trimEnd());
    return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
  }

  private key(name: string): string {
    return identifier.test(name) ? name : JSON.stringify(name);
  }

  private wrap(type: ts.Type, text: string): string {
    return identifier.test(text)
      ? text
      : type.isUnion() || type.isIntersection()
        ? `(${text})`
        : text;
  }

  /** Types printed by TypeScript itself; they must not name anything from elsewhere. */
  private plainText(type: ts.Type): string {
    const text = this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
    if (text.includes('import(')) throw this.error(`has a type naming another module: ${text}`);
    return text;
  }

  private property(type: ts.Type, name: string): ts.Type {
    const symbol = this.checker.getPropertyOfType(type, name);
    if (!symbol) {
      throw this.error(`has no "${name}" in ${this.checker.typeToString(type)}`);
    }
    return this.checker.getTypeOfSymbol(symbol);
  }

  private trpc(name: string): string {
    this.trpcImports.add(name);
    this.usedNames.add(name);
    return name;
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.usedNames.has(name) || this.isGlobalName(name); i += 1)
      name = `${base}${i}`;
    this.usedNames.add(name);
    return name;
  }

  /** A local declaration must not shadow a global the declaration also uses (Date, …). */
  private isGlobalName(name: string): boolean {
    if (!this.globalNames) {
      const file = this.program.getSourceFiles().find((f) => !f.isDeclarationFile);
      const symbols = file ? this.checker.getSymbolsInScope(file, ts.SymbolFlags.Type) : [];
      this.globalNames = new Set(symbols.filter((s) => this.isGlobal(s)).map((s) => s.name));
    }
    return this.globalNames.has(name);
  }

  private error(message: string): RouterTypesError {
    const where = this.path.length > 0 ? `Procedure "${this.path.join('.')}"` : 'A named type';
    return new RouterTypesError(`${where} ${message}`);
  }
}
