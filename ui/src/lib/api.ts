// The app's commands (src-tauri/src/commands.rs), typed with the engine's
// generated types. Each rejects with the engine's ErrorReport; screens branch
// on its `code`, never on its words.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AddStaff,
  CameraOverview,
  CameraSetting,
  CardToPrint,
  CloseOfDay,
  CloseTableFile,
  Cohort,
  CloseView,
  CustomerRecord,
  CustomerRef,
  CustomerSummary,
  Enrol,
  ErrorReport,
  ExampleProgram,
  GoalProgress,
  Kpi,
  Kpis,
  KpisOver,
  KpisTableFile,
  LiabilityTableFile,
  LiabilityView,
  OffersTableFile,
  OffersView,
  Outcome,
  PairTill,
  Paired,
  RecordVisit,
  Redeem,
  RefusedEvent,
  RemoveStaff,
  ReportPdf,
  RewardPopularity,
  SaleSheet,
  ScanNotice,
  ScannedCustomer,
  SegmentRules,
  SegmentsBy,
  SegmentsTableFile,
  SegmentsView,
  SetPin,
  SetRole,
  SetUpShop,
  SignIn,
  SignInIdle,
  SignedIn,
  SpendCashback,
  StaffList,
  StaffMember,
  StartupProblem,
  SyncNoticeForScreen,
  SyncStatus,
  TillOverview,
  UndoLast,
  WedgeKey,
} from "./bindings";

/** True for what the engine rejects with. */
export function isErrorReport(value: unknown): value is ErrorReport {
  return (
    typeof value === "object" &&
    value !== null &&
    "code" in value &&
    "message" in value &&
    "retryable" in value
  );
}

/** Any rejection as an ErrorReport (an IPC failure becomes an `io` error). */
export function asErrorReport(value: unknown): ErrorReport {
  if (isErrorReport(value)) return value;
  return {
    code: "io",
    message: String(value),
    what: null,
    field: null,
    detail: null,
    retryable: true,
  };
}

/** Told of every command the engine refused, before its caller is (`onRefusal`). */
type RefusalListener = (error: ErrorReport, command: string) => void;
const refusalListeners = new Set<RefusalListener>();

/**
 * Listens to every refusal of every command, whoever sent it (the till looks
 * again at who is signed in when a refusal says they were signed out);
 * answers the unsubscribe. The caller still gets the refusal as before.
 */
export function onRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const report = asErrorReport(e);
    for (const listener of refusalListeners) listener(report, command);
    throw report;
  }
}

export const api = {
  tillState: () => call<TillOverview>("till_state"),
  examplePrograms: (currency: string) => call<ExampleProgram[]>("example_programs", { currency }),
  setUpShop: (request: SetUpShop) => call<TillOverview>("set_up_shop", { request }),
  staffList: () => call<StaffList>("staff_list"),
  /** Adds a staff member; the first is a manager, and adding them closes a till that ran open. */
  addStaff: (request: AddStaff) => call<StaffMember>("add_staff", { request }),
  /** Sets a staff member's PIN. */
  setStaffPin: (request: SetPin) => call<StaffMember>("set_staff_pin", { request }),
  /** Changes a staff member's role (a promotion to manager with a new PIN). */
  setStaffRole: (request: SetRole) => call<StaffMember>("set_staff_role", { request }),
  /** Removes a staff member (never the last manager). */
  removeStaff: (request: RemoveStaff) => call<Outcome>("remove_staff", { request }),
  /** Sets after how many minutes unused a sign-in ends on this till (a manager's); answers what is set. */
  setSignInIdle: (request: SignInIdle) => call<SignInIdle>("set_sign_in_idle", { request }),
  signIn: (request: SignIn) => call<SignedIn | null>("sign_in", { request }),
  signOut: () => call<null>("sign_out"),
  scanTyped: (text: string) => call<ScannedCustomer>("scan_typed", { text }),
  wedge: (keys: WedgeKey[]) => call<ScannedCustomer | null>("wedge", { keys }),
  findCustomers: (query: string, limit = 12) =>
    call<CustomerRecord[]>("find_customers", { request: { query, limit } }),
  customer: (who: CustomerRef) => call<CustomerSummary>("customer", { who }),
  saleSheet: (who: CustomerRef | null) => call<SaleSheet>("sale_sheet", { who }),
  recordVisit: (request: RecordVisit) => call<Outcome>("record_visit", { request }),
  redeem: (request: Redeem) => call<Outcome>("redeem", { request }),
  spendCashback: (request: SpendCashback) => call<Outcome>("spend_cashback", { request }),
  undoLast: (request: UndoLast) => call<Outcome>("undo_last", { request }),
  enrol: (request: Enrol) => call<Outcome>("enrol", { request }),
  enrolmentCard: (enrolment: string) => call<CardToPrint>("enrolment_card", { enrolment }),
  syncStatus: () => call<SyncStatus>("sync_status"),
  refusedEvents: () => call<RefusedEvent[]>("refused_events"),
  pair: (request: PairTill) => call<Paired>("pair", { request }),
  cameras: () => call<CameraOverview>("cameras"),
  useCamera: (setting: CameraSetting) => call<null>("use_camera", { setting }),
  cameraRetry: () => call<null>("camera_retry"),
  measure: (name: string, ms: number) => call<null>("measure", { name, ms }),
  dailyClose: (request: CloseOfDay) => call<CloseView>("daily_close", { request }),
  /** Saves one of the close's tables as a CSV file; answers the file's path. */
  exportCloseCsv: (request: CloseTableFile) => call<string>("export_close_csv", { request }),
  /** The KPIs of a period of business days (none: the 30 up to today) beside the period before it. */
  kpis: (request: KpisOver) => call<Kpis>("kpis", { request }),
  /** The program's goals as of today (`kpis` answers without them). */
  kpiGoals: () => call<GoalProgress[]>("kpi_goals"),
  /** Breakage over a period (`kpis` answers with it being counted). */
  kpiBreakage: (request: KpisOver) => call<Kpi>("kpi_breakage", { request }),
  /** Reward popularity over a period (`kpis` answers without it). */
  kpiRewards: (request: KpisOver) => call<RewardPopularity[]>("kpi_rewards", { request }),
  /** Monthly cohort retention as of today (`kpis` answers without it). */
  kpiCohorts: () => call<Cohort[]>("kpi_cohorts"),
  /** Saves one of the KPIs' tables as a CSV file; answers the file's path. */
  exportKpisCsv: (request: KpisTableFile) => call<string>("export_kpis_csv", { request }),
  /** What the shop owes its customers today, valued in money, with its tables. */
  liability: () => call<LiabilityView>("liability"),
  /** Saves one of the liability report's tables as a CSV file; answers the file's path. */
  exportLiabilityCsv: (request: LiabilityTableFile) => call<string>("export_liability_csv", { request }),
  /** The customers' segments today and the at-risk list, by the till's rules or proposed ones (a preview). */
  segments: (request: SegmentsBy) => call<SegmentsView>("segments", { request }),
  /** Keeps the segment rules on this till; answers them. */
  setSegmentRules: (rules: SegmentRules) => call<SegmentRules>("set_segment_rules", { rules }),
  /** Saves one of the segments' tables (the whole at-risk list) as a CSV file; answers the file's path. */
  exportSegmentsCsv: (request: SegmentsTableFile) => call<string>("export_segments_csv", { request }),
  /** Each offer with a held-out group measured against it, with the report's tables. */
  offers: () => call<OffersView>("offers"),
  /** Saves one of the offers report's tables as a CSV file; answers the file's path. */
  exportOffersCsv: (request: OffersTableFile) => call<string>("export_offers_csv", { request }),
  /** Saves a report as a PDF file (every table, in the reader's language); answers the file's path. */
  exportReportPdf: (request: ReportPdf) => call<string>("export_report_pdf", { request }),
  /** What stopped the till opening its data at start; null when it opened (the normal start goes on). */
  startupProblem: () => call<StartupProblem | null>("startup_problem"),
  /** Tries opening the till's data again; null once it is open. */
  recoveryRetry: () => call<StartupProblem | null>("recovery_retry"),
  /** Renames the damaged file aside (kept beside it) and opens an empty till; null once it is open. */
  recoverySetAside: () => call<StartupProblem | null>("recovery_set_aside"),
  /** Sets the damaged file aside and restores the backup at `backup` (its path); null once the till is open. */
  recoveryRestore: (backup: string) => call<StartupProblem | null>("recovery_restore", { backup }),
};

/** A scan as the app sends it: the notice, and when its frame was captured (ms since 1970). */
export type ScanForScreen = { notice: ScanNotice; captured_at_ms: number };

export function onScan(handler: (scan: ScanForScreen) => void): Promise<UnlistenFn> {
  return listen<ScanForScreen>("scan", (event) => handler(event.payload));
}

export function onSync(handler: (notice: SyncNoticeForScreen) => void): Promise<UnlistenFn> {
  return listen<SyncNoticeForScreen>("sync", (event) => handler(event.payload));
}

/** A fresh idempotency key: a double tap records once. */
export function newKey(): string {
  return crypto.randomUUID();
}
