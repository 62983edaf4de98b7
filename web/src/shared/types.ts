/**
 * Friendly names of the JSON API's types. Every shape comes from `./api-types.ts`, generated from the API's
 * OpenAPI document (GET /api/openapi.json) by `.venv/bin/python -m scripts.openapi_types`: never write a
 * schema here by hand, alias it. What the document does not describe (the rows of a refused import, the
 * review steps in a path) is typed below and checked against it where it can be.
 */
import type { components, operations, paths } from './api-types'

type Schemas = components['schemas']
/** The query parameters of an operation, paging (`limit`, `cursor`) left out. */
type Filters<Op extends keyof operations> = Omit<NonNullable<operations[Op]['parameters']['query']>, 'limit' | 'cursor'>

// ---- accounts, organisations, audit ----

export type User = Schemas['UserOut']
export type Role = User['role']
export type LoginRequest = Schemas['LoginRequest']
export type LoginResult = Schemas['LoginResponse']
export type PasswordChange = Schemas['PasswordChange']
export type PasswordReset = Schemas['PasswordReset']
export type Org = Schemas['OrganisationOut']
export type OrgType = Org['type']
export type OrgStatus = Org['status']
export type OrganisationPage = Schemas['OrganisationPage']
/** Body of POST /organisations. */
export type NewOrganisation = Schemas['OrganisationCreate']
/** Body of PATCH /organisations/{id}: only what changes. */
export type OrganisationPatch = Schemas['OrganisationUpdate']
export type Account = Schemas['AccountOut']
export type AccountPage = Schemas['AccountPage']
/** Body of POST /accounts. */
export type NewAccount = Schemas['AccountCreate']
export type AuditEvent = Schemas['AuditEventOut']
export type AuditPage = Schemas['AuditPage']
export type Health = Schemas['Health']
/** GET /meta: the stage's titles, province and certificate issuer. */
export type SiteMeta = Schemas['Meta']

/** What every page of a list answers (AccountPage, ProjectPage …): the paging composables take any of them. */
export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

export type ApiErrorBody = Schemas['ErrorBody']

/**
 * One bad row of a refused import file: `error.rows` of IMPORT_INVALID. The OpenAPI document's ErrorDetail
 * does not list `rows` (the server adds it to this one error), so this is the one shape written by hand.
 */
export interface ImportErrorRow {
  row: number
  column: string
  message: string
}

// ---- projects (项目) ----

export type Project = Schemas['ProjectOut']
export type ProjectPage = Schemas['ProjectPage']
export type ProjectLevel = Project['level']
export type ProjectNature = Project['nature']
export type ProjectStatus = Project['status']
/** What the caller may do with a project now (from the server). */
export type ProjectAction = Project['actions'][number]
/** A published project as anybody may see it (项目查询). */
export type PublicProject = Schemas['PublicProjectOut']
export type PublicProjectPage = Schemas['PublicProjectPage']
export type Discipline = Schemas['DisciplineOut']
export type DisciplineList = Schemas['DisciplineList']
/** GET /discipline-catalogue (office): every entry, retired ones too, flat in code order, with its revision. */
export type DisciplineCatalogue = Schemas['CatalogueOut']
export type DisciplineEntry = Schemas['CatalogueEntryOut']
export type NewNationalProject = Schemas['NationalProjectCreate']
export type NewProvincialProject = Schemas['ProvincialProjectCreate']
/** Body of PATCH /projects/{id}: only what changes. */
export type ProjectPatch = Schemas['ProjectUpdate']
/** Filters of the console project lists (GET /projects and POST /projects/export). */
export type ProjectListQuery = Filters<'get_projects'>
/** Filters of the public 项目查询 (GET /public/projects). */
export type PublicProjectQuery = Filters<'get_public_projects'>
/** Body of POST /projects/import. */
export type ImportFile = Schemas['ImportFile']
export type ImportResult = Schemas['ImportResult']
/** A short-lived download link. */
export type DownloadLink = Schemas['Download']
export type MaterialLink = Schemas['MaterialLink']
export type CertificateLink = Schemas['CertificateLink']
/** 202 of a request that starts a background job (every export). */
export type JobStarted = Schemas['JobStarted']
/** GET /jobs/{id}: state, progress and, once done, the link. */
export type Job = Schemas['JobOut']

/** Review steps of a project: POST /projects/{id}/{step}. */
export type ProjectStep = Exclude<ProjectAction, 'edit' | 'delete'>

// ---- holding applications (举办申请) ----

/** One 期 of a published project: its venue, dates, schedule, materials and review state. */
export type Session = Schemas['SessionOut']
export type SessionPage = Schemas['SessionPage']
export type SessionStatus = Session['status']
/** What the caller may do with a holding application now (from the server). */
export type SessionAction = Session['actions'][number]
/** One block of the teaching schedule: China wall-clock fields plus the UTC instants. */
export type ScheduleBlock = Schemas['BlockOut']
export type Material = Schemas['MaterialOut']
export type MaterialKind = Material['kind']
/** One block of a schedule as sent: China date and wall-clock times. */
export type ScheduleBlockInput = Schemas['BlockIn']
/** Body of PUT /sessions/{id}; `attendance` and `required_hours` take the server's defaults when left out. */
export type SessionFields = Schemas['SessionUpdate']
/** Body of POST /projects/{id}/sessions. */
export type NewSession = Schemas['SessionCreate']
/** Filters of GET /sessions. */
export type SessionListQuery = Filters<'get_sessions'>
/** Step 1 of an upload: the file to be sent. */
export type UploadRequest = Schemas['UploadRequest']
/** A presigned S3 POST: send every `fields` entry, then the file under `file`, to `url`. */
export type UploadTicket = Schemas['UploadTicket']
/** Step 3 of an upload: the stored object to check and record. */
export type UploadConfirm = Schemas['UploadConfirm']
export type Timeline = Schemas['Timeline']
export type TimelineEntry = Schemas['TimelineEntry']

/** Review steps of a holding application: POST /sessions/{id}/{step}. */
export type SessionStep = Exclude<SessionAction, 'edit' | 'upload' | 'delete'>

// The steps are path segments, which no schema lists: fail the type check if one is not a POST route.
type PostRoute<P extends string> = P extends keyof paths ? paths[P]['post'] : never
export type StepRoutesExist = [
  PostRoute<`/api/projects/{project_id}/${ProjectStep}`>,
  PostRoute<`/api/sessions/{session_id}/${SessionStep}`>,
]

// ---- notifications ----

export type Notification = Schemas['NotificationOut']
export type NotificationPage = Schemas['NotificationPage']
export type UnreadCount = Schemas['UnreadCount']

// ---- execution report and credits (执行情况, 学分) ----

/** The 执行情况 / 学分 workflow of a session: GET /sessions/{id}/report. */
export type ExecutionReport = Schemas['ReportOut']
/** pending: 待提交执行情况; reported: 待单位遴选上报; returned: 执行情况被退回; submitted: 待省继教办审核学分;
 * office_returned: 学员名单被退回; granted: 已授予学分. */
export type ReportStatus = ExecutionReport['status']
/** What the caller may do with the report now (from the server). */
export type ReportAction = ExecutionReport['actions'][number]
export type ReportLecturer = Schemas['LecturerOut']
export type DeadlineExtension = Schemas['ExtensionOut']
/** Body of POST /sessions/{id}/deadline-extension (office). */
export type ExtensionIn = Schemas['ExtensionIn']
/** Body of POST /sessions/{id}/report/return and …/selection/return. */
export type ReasonIn = Schemas['ReasonIn']
/**
 * The deadline of whoever must act next: admin (遴选上报, 14 days after the end date or the
 * office's extension) or office (学分审核, 14 days after the admin's submission). `due` is a China date.
 */
export type Deadline = Schemas['DeadlineOut']
/** Body of PUT /sessions/{id}/report. */
export type ReportBody = Schemas['ReportIn']
export type ReportLecturerInput = Schemas['LecturerIn']
/** GET /sessions/{id}/selection. */
export type Selection = Schemas['SelectionOut']
/** One attendee of the selection; the ID number comes masked. */
export type SelectionItem = Schemas['CandidateOut']
/** Body of POST /sessions/{id}/selection/submit: submits the saved draft (at the version last read). */
export type SelectionSubmit = Schemas['SelectionIn']
/** The counts of the selection (共/预选/已选), the draft's version and who saved it last. */
export type SelectionCounts = Schemas['SelectionCounts']
/** Body of PUT /sessions/{id}/selection/draft: a few changes on the version last read. */
export type DraftIn = Schemas['DraftIn']
/** One change of the draft: tick or untick an attendee (a reason when ticking below the hours). */
export type DraftChange = Schemas['DraftChange']
/** GET /sessions/{id}/credits (empty before granting). */
export type CreditsResult = Schemas['CreditList']
export type CreditItem = Schemas['CreditOut']
/** GET /credit-rules. */
export type CreditRules = Schemas['CreditRules']
/** One version of the credit rules (学分规则), in force from `effective_from` (China date). */
export type CreditRule = Schemas['CreditRuleOut']
export type LevelRule = Schemas['LevelRuleOut']
/** Body of POST /credit-rules and PUT /credit-rules/{version} (office), under the book's revision. */
export type CreditRuleIn = Schemas['CreditRuleIn']
/** The version that judges a session and why (SessionOut.credit_rule). */
export type RuleBasis = Schemas['RuleBasisOut']

// ---- certificates (电子学分证书) ----

/** A certificate as the API shows it: names and ID numbers come masked. */
export type Certificate = Schemas['CertificateOut']
export type CertificateStatus = Certificate['status']
export type CertificateList = Schemas['CertificateList']
/** GET /sessions/{id}/certificates: one page in certificate-number order. */
export type CertificatePage = Schemas['CertificatePage']
/** Body of POST /certificates/{no}/revoke and …/reissue. */
export type CertificateReason = Schemas['CertificateReason']
/** GET /public/certificates/{code}: the certificate and how often it has been verified (this call included). */
export type VerifiedCertificate = Schemas['VerifiedCertificate']
/** Body of POST /public/certificates/query. */
export type CertificateQuery = Schemas['CertificateQuery']

// ---- 个人年度学分 (a person's credits of a year, from the person-year ledger) ----

/** Body of POST /public/person-credits and POST /person-credits (office). */
export type PersonCreditsQuery = Schemas['PersonCreditsQuery']
/** A person's year: credits by level and class, the requirement, the certificates (public answers come masked). */
export type PersonCredits = Schemas['PersonCreditsOut']
export type YearCertificate = Schemas['YearCertificateOut']
export type YearRequirement = Schemas['RequirementOut']

// ---- attendance settings, codes and windows of a session (签到签退设置, 签到二维码) ----

/** Offsets in minutes from the first block's start / the last block's end (of the day in daily mode). */
export type AttendanceSettings = Schemas['AttendanceSettingsOut']
/** whole: 整期一次签到签退; daily: 每天各签到签退一次. */
export type AttendanceMode = AttendanceSettings['mode']
/** One sign-in or sign-out window; `day` is the China date in daily mode, null in whole mode. */
export type AttendanceWindow = Schemas['WindowOut']
/** in: 签到; out: 签退. */
export type AttendanceKind = AttendanceWindow['kind']
export type AttendanceCode = Schemas['CodeOut']
export type CodeState = AttendanceCode['state']
/** Body of POST /attendance/windows: the schedule being edited and the settings (defaults when left out). */
export type WindowsPreviewRequest = Schemas['WindowsPreviewIn']
/** POST /attendance/windows: the settings with the server's defaults filled in, and the windows they give. */
export type WindowsPreview = Schemas['WindowsPreview']
/** GET /sessions/{id}/attendance/codes: the current codes; fetch again before `valid_until`. */
export type AttendanceCodes = Schemas['Codes']
/** Downloads of a code: PNG, SVG or the printable A4 poster (pdf). */
export type CodeFileFormat = operations['get_sessions_session_id_attendance_codes_kind_file']['parameters']['query']['format']

// ---- the phone pages (现场签到 / 签退) ----

/** GET /public/attendance/{session}/{kind}: the session and the code's window. */
export type AttendancePage = Schemas['CodePage']
export type WindowState = AttendancePage['state']
/** Body of POST …/sign-in. */
export type SignInBody = Schemas['SignIn']
/**
 * POST …/sign-in: `signed_in` (recorded now), `already` (this phone signed the number in before: the first
 * time and masked name) or `elsewhere` (another phone signed it in first: no detail of that record).
 */
export type SignInResult = Schemas['SignInResult']
/** Body of POST …/sign-out/lookup: the code's token and a mobile or an ID number. */
export type Identify = Schemas['Identify']
/** POST …/sign-out/lookup: masked fields only (张*, **************1239, 南京***医院). */
export type SignOutLookup = Schemas['AttendeeCheck']
/** Body of POST …/sign-out: who, and the questionnaire's answers by question id. */
export type SignOutBody = Schemas['SignOut']
export type SignOutResult = Schemas['SignOutResult']
export type Questionnaire = Schemas['Questionnaire']
export type Question = Schemas['Question']

// ---- 签到情况 of a session ----

/** GET /sessions/{id}/attendance: the live counts. */
export type AttendanceSummary = Schemas['AttendanceTotals']
/** GET /sessions/{id}/attendance/attendees: one page of the roster in sign-in order. */
export type AttendeePage = Schemas['AttendeePage']
/** One attendee (one day of one in daily mode); ID and mobile numbers come masked. */
export type AttendeeRow = Schemas['AttendeeOut']
/** present: signed in, not yet out; incomplete: the sign-out window closed without a sign-out. */
export type AttendeeStatus = AttendeeRow['status']
/** A suspicious pattern worth a look (never a block). */
export type AttendanceFlag = Schemas['FlagOut']
/** GET /sessions/{id}/attendance/questionnaire. */
export type QuestionnaireResults = Schemas['QuestionnaireStatistics']
export type QuestionResult = Schemas['QuestionStatistics']
export type OptionCount = Schemas['OptionCount']
/** Refusals of one minute, reason and source: the first at `at`, the last at `last_at`. */
export type Rejection = Schemas['RejectionOut']
export type RejectionPage = Schemas['RejectionPage']

// ---- 签退问卷 templates ----

/** One version of the template; the built-in default has no created_at / created_by. */
export type QuestionnaireTemplate = Schemas['QuestionnaireOut']
export type QuestionnaireList = Schemas['QuestionnaireList']
export type QuestionType = Question['type']
/** Body of POST /questionnaires. */
export type NewQuestionnaire = Schemas['QuestionnaireIn']
/** One question of POST /questionnaires: `choose` only for multiple choice. */
export type NewQuestion = Schemas['QuestionIn']

// ---- data retention (数据保留) ----
export type RetentionPolicy = Schemas['RetentionPolicyOut']
/** Body of PUT /retention-policy. */
export type RetentionPolicyChange = Schemas['RetentionPolicyIn']

// ---- reports (统计) ----

/** GET /reports/sessions/{id}. Shares are 0..1 of the distinct attendees. */
export type SessionReport = Schemas['SessionReport']
export type MonthFigures = Schemas['MonthFigures']
/** GET /reports/organisations?year=&org_id=. */
export type OrganisationReport = Schemas['OrganisationReport']
export type OrganisationRow = Schemas['OrganisationRow']
/** GET /reports/province?year=. */
export type ProvinceReport = Schemas['ProvinceReport']

// ---- drafts of the session form and the execution report ----

export type SessionDraftData = Schemas['SessionDraftData']
export type SessionDraft = Schemas['SessionDraftOut']
export type ReportDraftData = Schemas['ReportDraftData']
export type ReportDraft = Schemas['ReportDraftOut']
export type PersonalDataExport = Schemas['PersonalDataExport']
export type Correctable = Schemas['CorrectableOut']
export type Correction = Schemas['Correction']
