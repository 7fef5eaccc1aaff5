import {
  type TypeInfo,
  columnConstraints,
  firstLocation,
  formatType,
  hasOption,
  isBinaryCoercible,
  isVolatileExpression,
  qualifiedName,
  tableKey,
  typeInfo,
} from './ast.js';
import type { Node } from './parser.js';
import { type Schema, constraintName } from './schema.js';

/** What the rules know about the statement's surroundings. */
export interface StatementContext {
  schema: Schema;
  /** The table was created by the change (or, linting everything, earlier in this same file). */
  isNew(table: string): boolean;
  /** The column was added to an existing table by the change (or earlier in this same file). */
  isNewColumn(table: string, column: string): boolean;
  postgresVersion: number;
  /** The statement runs inside a transaction block (explicit, the runner's, or a DO block). */
  inTransaction: boolean;
  /** Why it is in a transaction, for the message ("golang-migrate sends the file as one query"). */
  transactionReason: string;
  transaction: number;
}

/**
 * A rule hit before positions are known: `location` is a byte offset inside the statement; without
 * one, `clause` is the index of the ALTER TABLE clause (which the parse tree does not locate).
 */
export interface Hit {
  rule: string;
  message: string;
  location?: number;
  clause?: number;
}

export interface StatementCheck {
  hits: Hit[];
  /** The statement waits for a lock on a table that already holds data (for lock-timeout-missing). */
  locksExistingTable: boolean;
}

/** Statements that PostgreSQL refuses to run inside a transaction block. */
export function isNonTransactional(stmt: Node): boolean {
  return !!(
    stmt.IndexStmt?.concurrent ||
    stmt.DropStmt?.concurrent ||
    (stmt.ReindexStmt && hasOption(stmt.ReindexStmt.params, 'concurrently')) ||
    stmt.VacuumStmt?.is_vacuumcmd ||
    (stmt.AlterTableStmt?.cmds as Node[] | undefined)?.some(
      (c) =>
        c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent,
    )
  );
}

/** Runs every rule on one parsed statement, before the schema state is updated with it. */
export function checkStatement(stmt: Node, ctx: StatementContext): StatementCheck {
  const hits: Hit[] = [];
  let locks = false;
  const existing = (table: string) => !ctx.isNew(table);
  const hit: HitFn = (rule, message, node, clause) =>
    hits.push({ rule, message, location: node === undefined ? undefined : firstLocation(node), clause });

  if (isNonTransactional(stmt) && ctx.inTransaction) {
    hit('concurrent-index-in-transaction', `Runs inside a transaction block: ${ctx.transactionReason}.`);
  }

  if (stmt.AlterTableStmt) {
    const alter = stmt.AlterTableStmt as Node;
    const table = tableKey(alter.relation);
    if (existing(table)) {
      locks = true;
      checkAlterTable(alter, table, ctx, hit);
    } else {
      // a foreign key from a new table still takes SHARE ROW EXCLUSIVE on the table it references
      locks = referencedByAlter(alter).some(existing);
    }
  } else if (stmt.RenameStmt) {
    const rename = stmt.RenameStmt as Node;
    const table = tableKey(rename.relation);
    if (rename.renameType === 'OBJECT_COLUMN' && existing(table)) {
      locks = true;
      hit('rename-column', `Renames ${table}.${rename.subname} to ${rename.newname}.`, rename.relation);
    } else if (rename.renameType === 'OBJECT_TABLE' && existing(table)) {
      locks = true;
      hit('rename-table', `Renames table ${table} to ${rename.newname}.`, rename.relation);
    }
  } else if (stmt.DropStmt) {
    const drop = stmt.DropStmt as Node;
    const names = ((drop.objects ?? []) as Node[]).map((o) => qualifiedName(o.List?.items));
    if (drop.removeType === 'OBJECT_TABLE') {
      const old = names.filter(existing);
      if (old.length) {
        locks = true;
        hit('drop-table', `Drops ${old.join(', ')}.`);
      }
    } else if (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent) {
      const onOld = names.filter((index) => existing(ctx.schema.indexes.get(index) ?? index));
      if (onOld.length) {
        locks = true;
        hit('drop-index-non-concurrent', `Drops index ${onOld.join(', ')} without CONCURRENTLY.`);
      }
    }
  } else if (stmt.IndexStmt) {
    const index = stmt.IndexStmt as Node;
    const table = tableKey(index.relation);
    if (!index.concurrent && existing(table)) {
      locks = true;
      hit('create-index-non-concurrent', `Builds an index on ${table} without CONCURRENTLY.`, index.relation);
    }
  } else if (stmt.ReindexStmt) {
    const reindex = stmt.ReindexStmt as Node;
    if (!hasOption(reindex.params, 'concurrently')) {
      const target = reindex.relation ? tableKey(reindex.relation) : (reindex.name as string);
      const table =
        reindex.kind === 'REINDEX_OBJECT_INDEX' ? (ctx.schema.indexes.get(target) ?? target) : target;
      if (existing(table)) {
        locks = true;
        hit('reindex-non-concurrent', `Reindexes ${target} without CONCURRENTLY.`, reindex.relation);
      }
    }
  } else if (stmt.VacuumStmt) {
    const vacuum = stmt.VacuumStmt as Node;
    if (hasOption(vacuum.options, 'full')) {
      locks = true;
      hit('vacuum-full-or-cluster', 'VACUUM FULL.');
    }
  } else if (stmt.ClusterStmt) {
    locks = true;
    hit(
      'vacuum-full-or-cluster',
      `Clusters ${tableKey(stmt.ClusterStmt.relation)}.`,
      stmt.ClusterStmt.relation,
    );
  } else if (stmt.TruncateStmt) {
    const tables = ((stmt.TruncateStmt.relations ?? []) as Node[]).map((r) => tableKey(r)).filter(existing);
    if (tables.length) {
      locks = true;
      hit('truncate', `Truncates ${tables.join(', ')}.`);
    }
  } else if (stmt.AlterEnumStmt?.oldVal) {
    const e = stmt.AlterEnumStmt as Node;
    hit('rename-enum-value', `Renames enum value '${e.oldVal}' to '${e.newVal}'.`);
  } else if (stmt.CreateStmt) {
    // a new table referencing an existing one takes SHARE ROW EXCLUSIVE on it
    locks = referencedTables(stmt.CreateStmt).some(existing);
  } else if (stmt.CreateTrigStmt) {
    locks = existing(tableKey(stmt.CreateTrigStmt.relation));
  }
  return { hits, locksExistingTable: locks };
}

function referencedTables(create: Node): string[] {
  const tables: string[] = [];
  for (const element of (create.tableElts ?? []) as Node[]) {
    const constraints = element.ColumnDef
      ? columnConstraints(element.ColumnDef)
      : element.Constraint
        ? [element.Constraint]
        : [];
    for (const c of constraints) if (c.contype === 'CONSTR_FOREIGN') tables.push(tableKey(c.pktable));
  }
  return tables;
}

/** Tables that the foreign keys an ALTER TABLE adds reference (ADD CONSTRAINT, ADD COLUMN ... REFERENCES). */
function referencedByAlter(alter: Node): string[] {
  return ((alter.cmds ?? []) as Node[]).flatMap((item) => {
    const def = item.AlterTableCmd?.def as Node | undefined;
    const constraints = def?.Constraint
      ? [def.Constraint as Node]
      : def?.ColumnDef
        ? columnConstraints(def.ColumnDef)
        : [];
    return constraints.filter((c) => c.contype === 'CONSTR_FOREIGN').map((c) => tableKey(c.pktable));
  });
}

type HitFn = (rule: string, message: string, node?: unknown, clause?: number) => void;

function checkAlterTable(alter: Node, table: string, ctx: StatementContext, hit: HitFn): void {
  const state = ctx.schema.tables.get(table);
  /** Constraints added NOT VALID by an earlier clause of this statement (validating them is the same transaction). */
  const addedHere = new Set<string>();
  ((alter.cmds ?? []) as Node[]).forEach((item, clause) => {
    const cmd = item.AlterTableCmd as Node;
    const def = cmd.def as Node | undefined;
    switch (cmd.subtype) {
      case 'AT_DropColumn':
        hit('drop-column', `Drops column ${table}.${cmd.name}.`, undefined, clause);
        break;
      case 'AT_AddColumn':
        checkAddColumn(def!.ColumnDef, table, ctx, hit);
        break;
      case 'AT_AlterColumnType':
        checkTypeChange(cmd, table, state?.columns.get(cmd.name)?.type, hit);
        break;
      case 'AT_SetNotNull': {
        const column = state?.columns.get(cmd.name);
        const proven =
          column?.notNull ||
          (ctx.postgresVersion >= 12 &&
            [...(state?.constraints.values() ?? [])].some(
              (c) => c.validated && c.notNullColumns?.includes(cmd.name),
            ));
        if (!proven)
          hit(
            'set-not-null',
            `Sets ${table}.${cmd.name} NOT NULL without a validated CHECK (${cmd.name} IS NOT NULL) to skip the scan.`,
            undefined,
            clause,
          );
        break;
      }
      case 'AT_DropNotNull':
        hit('drop-not-null', `Drops NOT NULL from ${table}.${cmd.name}.`, undefined, clause);
        break;
      case 'AT_ColumnDefault':
        // a column the change adds is unknown to the running app, which cannot rely on its default
        if (!def && !ctx.isNewColumn(table, cmd.name))
          hit('drop-default', `Drops the default of ${table}.${cmd.name}.`, undefined, clause);
        break;
      case 'AT_AddConstraint': {
        const c = def!.Constraint as Node;
        if (c.skip_validation) addedHere.add(constraintName(table, c));
        checkConstraint(c, table, hit, undefined);
        break;
      }
      case 'AT_ValidateConstraint': {
        const constraint = state?.constraints.get(cmd.name);
        const sameTransaction =
          addedHere.has(cmd.name) ||
          (!!constraint &&
            !constraint.validated &&
            constraint.addedInTransaction === ctx.transaction &&
            ctx.inTransaction);
        if (sameTransaction)
          hit(
            'validate-in-same-transaction',
            `Validates ${cmd.name} in the transaction that added it.`,
            undefined,
            clause,
          );
        break;
      }
      case 'AT_DetachPartition':
        if (!def?.PartitionCmd?.concurrent) {
          const recipe = ctx.postgresVersion >= 14 ? '' : ' (PostgreSQL before 14 has no CONCURRENTLY form)';
          hit(
            'detach-partition-non-concurrent',
            `Detaches a partition of ${table} without CONCURRENTLY${recipe}.`,
            def,
          );
        }
        break;
    }
  });
}

/**
 * ALTER COLUMN ... TYPE: a finding unless PostgreSQL keeps the table and its indexes as they are:
 * a binary-coercible change, with USING at most the column itself (or cast to the new type), and
 * no COLLATE (a new collation rebuilds the column's indexes).
 */
function checkTypeChange(cmd: Node, table: string, from: TypeInfo | undefined, hit: HitFn): void {
  const column = cmd.def?.ColumnDef as Node | undefined;
  const to = typeInfo(column?.typeName);
  const using = column?.raw_default as Node | undefined;
  const usingItself = (expr: Node | undefined): boolean => {
    if (!expr) return true;
    const cast = expr.TypeCast as Node | undefined;
    if (cast) return formatType(typeInfo(cast.typeName)) === formatType(to) && usingItself(cast.arg);
    const fields = (expr.ColumnRef?.fields ?? []) as Node[];
    return fields.length > 0 && fields.at(-1)?.String?.sval === cmd.name;
  };
  const name = `${table}.${cmd.name}`;
  let why: string | undefined;
  if (!from) why = `to ${formatType(to)} (its old type is unknown)`;
  else if (!isBinaryCoercible(from, to)) why = `from ${formatType(from)} to ${formatType(to)}`;
  else if (!usingItself(using)) why = `to ${formatType(to)} with a USING expression, computed for every row`;
  else if (column?.collClause) why = `to ${formatType(to)} with a new collation, which rebuilds its indexes`;
  if (why) hit('change-column-type', `Changes ${name} ${why}.`, column);
}

function checkAddColumn(column: Node, table: string, ctx: StatementContext, hit: HitFn): void {
  const constraints = columnConstraints(column);
  const type = typeInfo(column.typeName);
  const defaultExpr = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  const generated = constraints.find((c) => c.contype === 'CONSTR_GENERATED');
  const identity = constraints.some((c) => c.contype === 'CONSTR_IDENTITY');
  const serial = ['serial', 'bigserial', 'smallserial', 'serial4', 'serial8', 'serial2'].includes(type.name);
  const name = `${table}.${column.colname}`;

  if (generated) {
    hit('add-stored-generated-column', `Adds stored generated column ${name}.`, column);
  } else if (serial || identity) {
    hit(
      'volatile-default',
      `Adds ${serial ? type.name : 'identity'} column ${name}, which fills every row from a sequence.`,
      column,
    );
  } else if (defaultExpr !== undefined && (ctx.postgresVersion < 11 || isVolatileExpression(defaultExpr))) {
    const why = ctx.postgresVersion < 11 ? 'before PostgreSQL 11 any default' : 'a volatile default';
    hit('volatile-default', `Adds ${name} with ${why}, which rewrites the table.`, defaultExpr);
  } else if (
    constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY') &&
    defaultExpr === undefined
  ) {
    hit('add-not-null-column-no-default', `Adds NOT NULL column ${name} without a default.`, column);
  }
  // a new column's foreign key has only NULLs to check: PostgreSQL skips the scan (measured)
  const nullFilled = defaultExpr === undefined || !!defaultExpr.A_Const?.isnull;
  for (const c of constraints)
    if (!(c.contype === 'CONSTR_FOREIGN' && nullFilled)) checkConstraint(c, table, hit, column.colname);
}

function checkConstraint(c: Node, table: string, hit: HitFn, column: string | undefined): void {
  const name = constraintName(table, c, column);
  switch (c.contype) {
    case 'CONSTR_FOREIGN':
      if (!c.skip_validation)
        hit('add-fk-validating', `Adds foreign key ${name} on ${table} without NOT VALID.`, c);
      break;
    case 'CONSTR_CHECK':
      if (!c.skip_validation)
        hit('add-check-validating', `Adds CHECK ${name} on ${table} without NOT VALID.`, c);
      break;
    case 'CONSTR_UNIQUE':
      if (!c.indexname)
        hit('add-unique-constraint-validating', `Adds UNIQUE ${name} on ${table} without USING INDEX.`, c);
      break;
    case 'CONSTR_PRIMARY':
      if (!c.indexname)
        hit('add-primary-key-validating', `Adds a PRIMARY KEY on ${table} without USING INDEX.`, c);
      break;
    case 'CONSTR_EXCLUSION':
      hit('add-exclusion-constraint', `Adds EXCLUDE ${name} on ${table}.`, c);
      break;
  }
}
