import {
  type TypeInfo,
  columnConstraints,
  notNullCheckColumns,
  qualifiedName,
  tableKey,
  typeInfo,
} from './ast.js';
import type { Node } from './parser.js';

/** Where a table or constraint came from: the file, and whether that file is part of the change. */
export interface Origin {
  file: string;
  inChange: boolean;
}

export interface ConstraintState {
  validated: boolean;
  /** For a CHECK such as `col IS NOT NULL`: the columns it proves non-null once validated. */
  notNullColumns?: string[];
  /** The transaction that added it, to catch VALIDATE in that same transaction. */
  addedInTransaction?: number;
}

export interface TableState {
  origin: Origin;
  /** `origin`: the file that added the column, for columns added after their table was created. */
  columns: Map<string, { type: TypeInfo; notNull: boolean; origin?: Origin }>;
  constraints: Map<string, ConstraintState>;
}

/**
 * What the replayed migrations have built so far: tables with their columns and constraints, and
 * which table each index belongs to. Unknown tables are treated as existing ones by the rules.
 */
export class Schema {
  readonly tables = new Map<string, TableState>();
  readonly indexes = new Map<string, string>();

  /** Updates the state with one statement; `transaction` identifies the transaction it runs in. */
  apply(stmt: Node, origin: Origin, transaction: number): void {
    if (stmt.CreateStmt) this.createTable(stmt.CreateStmt, origin);
    else if (stmt.CreateTableAsStmt)
      this.tables.set(tableKey(stmt.CreateTableAsStmt.into?.rel), emptyTable(origin));
    else if (stmt.AlterTableStmt) this.alterTable(stmt.AlterTableStmt, origin, transaction);
    else if (stmt.IndexStmt?.idxname) {
      const schema = stmt.IndexStmt.relation?.schemaname ?? 'public';
      this.indexes.set(`${schema}.${stmt.IndexStmt.idxname}`, tableKey(stmt.IndexStmt.relation));
    } else if (stmt.DropStmt) {
      for (const object of (stmt.DropStmt.objects ?? []) as Node[]) {
        const key = qualifiedName(object.List?.items);
        if (stmt.DropStmt.removeType === 'OBJECT_TABLE') this.tables.delete(key);
        if (stmt.DropStmt.removeType === 'OBJECT_INDEX') this.indexes.delete(key);
      }
    } else if (stmt.RenameStmt) this.rename(stmt.RenameStmt);
  }

  private createTable(create: Node, origin: Origin): void {
    const table = emptyTable(origin);
    const key = tableKey(create.relation);
    for (const element of (create.tableElts ?? []) as Node[]) {
      if (element.ColumnDef) {
        const def = element.ColumnDef as Node;
        const constraints = columnConstraints(def);
        table.columns.set(def.colname, {
          type: typeInfo(def.typeName),
          notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
        });
        for (const c of constraints) this.addConstraint(table, key, c, def.colname, undefined);
      } else if (element.Constraint) this.addConstraint(table, key, element.Constraint, undefined, undefined);
    }
    this.tables.set(key, table);
  }

  private alterTable(alter: Node, origin: Origin, transaction: number): void {
    const key = tableKey(alter.relation);
    const table = this.tables.get(key);
    if (!table) return;
    for (const item of (alter.cmds ?? []) as Node[]) {
      const cmd = item.AlterTableCmd as Node;
      const def = cmd.def as Node | undefined;
      switch (cmd.subtype) {
        case 'AT_AddColumn': {
          const column = def!.ColumnDef as Node;
          const constraints = columnConstraints(column);
          table.columns.set(column.colname, {
            type: typeInfo(column.typeName),
            notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL'),
            origin,
          });
          for (const c of constraints) this.addConstraint(table, key, c, column.colname, transaction);
          break;
        }
        case 'AT_DropColumn':
          table.columns.delete(cmd.name);
          break;
        case 'AT_AlterColumnType': {
          const column = table.columns.get(cmd.name);
          if (column) column.type = typeInfo(def?.ColumnDef?.typeName);
          break;
        }
        case 'AT_SetNotNull':
        case 'AT_DropNotNull': {
          const column = table.columns.get(cmd.name);
          if (column) column.notNull = cmd.subtype === 'AT_SetNotNull';
          break;
        }
        case 'AT_AddConstraint':
          this.addConstraint(table, key, def!.Constraint, undefined, transaction);
          break;
        case 'AT_ValidateConstraint': {
          const constraint = table.constraints.get(cmd.name);
          if (constraint) constraint.validated = true;
          break;
        }
        case 'AT_DropConstraint':
          table.constraints.delete(cmd.name);
          break;
      }
    }
  }

  private addConstraint(
    table: TableState,
    key: string,
    c: Node,
    column: string | undefined,
    transaction: number | undefined,
  ): void {
    if (!['CONSTR_CHECK', 'CONSTR_FOREIGN', 'CONSTR_UNIQUE', 'CONSTR_PRIMARY'].includes(c.contype)) return;
    // a primary key makes its columns NOT NULL (a later SET NOT NULL on them is a no-op)
    if (c.contype === 'CONSTR_PRIMARY')
      for (const key of (c.keys ?? []) as Node[]) {
        const keyColumn = table.columns.get(key.String?.sval);
        if (keyColumn) keyColumn.notNull = true;
      }
    table.constraints.set(constraintName(key, c, column), {
      validated: !c.skip_validation,
      notNullColumns: c.contype === 'CONSTR_CHECK' ? notNullCheckColumns(c.raw_expr) : undefined,
      addedInTransaction: transaction,
    });
  }

  private rename(rename: Node): void {
    const key = tableKey(rename.relation);
    const table = this.tables.get(key);
    if (rename.renameType === 'OBJECT_TABLE' && table) {
      this.tables.delete(key);
      this.tables.set(`${key.split('.')[0]}.${rename.newname}`, table);
    } else if (rename.renameType === 'OBJECT_COLUMN' && table) {
      const column = table.columns.get(rename.subname);
      table.columns.delete(rename.subname);
      if (column) table.columns.set(rename.newname, column);
    } else if (rename.renameType === 'OBJECT_TABCONSTRAINT' && table) {
      const constraint = table.constraints.get(rename.subname);
      table.constraints.delete(rename.subname);
      if (constraint) table.constraints.set(rename.newname, constraint);
    }
  }
}

function emptyTable(origin: Origin): TableState {
  return { origin, columns: new Map(), constraints: new Map() };
}

/** The constraint's name, or the one PostgreSQL generates (`table_col_check`, `table_col_fkey`). */
export function constraintName(key: string, c: Node, column?: string): string {
  if (c.conname) return c.conname as string;
  const table = key.split('.').pop();
  const firstRef = (node: unknown): string | undefined => {
    if (!node || typeof node !== 'object') return undefined;
    const record = node as Node;
    if (record.ColumnRef) return record.ColumnRef.fields?.at(-1)?.String?.sval;
    for (const child of Object.values(record)) {
      const found = firstRef(child);
      if (found) return found;
    }
    return undefined;
  };
  const cols = ((c.fk_attrs ?? c.keys ?? []) as Node[]).map((k) => k.String?.sval as string);
  const col = column ?? (c.contype === 'CONSTR_CHECK' ? firstRef(c.raw_expr) : cols.join('_'));
  const suffix = {
    CONSTR_CHECK: 'check',
    CONSTR_FOREIGN: 'fkey',
    CONSTR_UNIQUE: 'key',
    CONSTR_PRIMARY: 'pkey',
  }[c.contype as string];
  return c.contype === 'CONSTR_PRIMARY' ? `${table}_pkey` : `${table}_${col}_${suffix}`;
}
