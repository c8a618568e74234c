import type { Language } from '@/api/languages';
import type { DevSettings } from '@/api/schemas/dev';
import type { AuditEventName } from '@/api/schemas/mfa';
import type { SessionState, WorkspaceRole } from '@/api/schemas/session';
import type { TicketEvent, TicketStatus, TicketType } from '@/api/schemas/tickets';
import type { SessionEndCause } from '@/api/session-end-causes';
import type { PasswordHash } from './passwords';
import type { StoredRecoveryCode } from './recovery-codes';
import type { DeviceDescription } from './user-agent';

/** Bumped whenever the stored shape changes; older stored state is reset. */
export const SCHEMA_VERSION = 5;

export type AccountKind = 'member' | 'agent';
/** The contract's session states but `anonymous`, which is the absence of a record. */
export type SessionRecordState = Exclude<SessionState, 'anonymous'>;

export interface AccountRecord {
  id: string;
  email: string;
  name: string;
  kind: AccountKind;
  password: PasswordHash;
  createdAt: number;
  lastWorkspaceId: string | null;
  mfa: MfaBinding | null;
  /** TICKET-11: the last login that passed the dynamic code, for customer service's review. */
  lastMfaLoginAt: number | null;
  /** MOCK-4: consecutive wrong codes, from any session, since the last lock. */
  codeFailures: number;
  codeLockedUntil: number | null;
  /** GUARD-4: consecutive wrong codes across lockouts; at the cap, only a reset reopens entry. */
  codeFailuresInARow: number;
  /** SESSION-3: how long the account's sessions live, idle and at most. */
  retention: LoginRetention;
  /**
   * The language the account's last signed-in request asked for, in which it
   * is emailed when someone else acts (an agent's reply); absent until then.
   */
  language?: Language;
}

/** SESSION-3: applied by the server to every session of the account. */
export interface LoginRetention {
  /** An active session unused this long ends (RETENTION_IDLE_MINUTES_MIN to _MAX). */
  idleMinutes: number;
  /** No session lives longer than this from its login, however busy; 0 means no limit. */
  maxDays: number;
}

export interface MfaBinding {
  secret: string;
  boundAt: number;
  /** The last TOTP step accepted; it and every earlier step never verify again. */
  lastUsedStep: number;
  /**
   * RECOVERY-1: the account's recovery codes, as keyed hashes (ADR 0016). They
   * belong to the account, not to the phone: changing the authenticator keeps
   * them (RECOVERY-4), unbinding drops them with the binding.
   */
  recoveryCodes: StoredRecoveryCode[];
}

/** Each purpose has its own codes and its own sending quota (MOCK-5). */
export type EmailCodePurpose = 'bind' | 'ticket' | 'reset';

export interface EmailCodeRecord {
  accountId: string;
  purpose: EmailCodePurpose;
  salt: string;
  /** SHA-256 of salt and code; the code itself is never stored (MOCK-5). */
  hash: string;
  expiresAt: number;
  failures: number;
}

/**
 * A bind wizard in progress, owned by one session (BIND-5). `change` is a new
 * authenticator for an account already bound (RECOVERY-4): the old app proved,
 * its binding untouched until the new secret is confirmed.
 */
export interface EnrollmentRecord {
  kind: 'bind' | 'change';
  accountId: string;
  sessionId: string;
  identityVerifiedUntil: number;
  secret: string | null;
  secretExpiresAt: number | null;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  mfaRequired: boolean;
  /**
   * MANDATORY-5: when mandatory MFA starts to be enforced, if the Owner gave
   * unbound members a grace period; null when it is enforced at once (or off).
   */
  mfaGraceUntil: number | null;
  createdAt: number;
  /**
   * REMEMBER-1: the Owner lets members skip the login code on a remembered
   * browser; absent (workspaces stored before it) means not allowed.
   */
  allowRememberedBrowsers?: boolean;
  /**
   * A Secure Workspace keeps the strict settings whatever its Owner asks:
   * remembered browsers stay off (REMEMBER-1). Set where the workspace is made.
   */
  securityProfile?: 'standard' | 'secure';
}

export interface MembershipRecord {
  accountId: string;
  workspaceId: string;
  role: WorkspaceRole;
  joinedAt: number;
}

export interface SessionRecord {
  id: string;
  /** SHA-256 of the token the client holds; the token itself is never stored. */
  tokenHash: string;
  accountId: string;
  state: SessionRecordState;
  workspaceId: string | null;
  /** The login's time; a rotated session keeps it, so SESSION-3's maximum counts from the login. */
  createdAt: number;
  lastSeenAt: number;
  /**
   * When it ends unless used: a pending session after its step's time, an
   * active one by its account's retention (recomputed when that changes).
   */
  expiresAt: number;
  /** SESSION-1: the browser's user agent at login, cut to USER_AGENT_MAX_LENGTH; shown only as names. */
  userAgent: string | null;
  /** SESSION-1: the address the login came from; absent in sessions stored before it was kept. */
  ipAddress?: string | null;
}

/** A link the server wrote in an email: the path, and where in the body its text starts. */
export interface EmailLink {
  at: number;
  path: string;
}

export interface EmailRecord {
  id: string;
  to: string;
  subject: string;
  body: string;
  sentAt: number;
  /** The links in the body; absent when it has none (and in mail stored before links were marked). */
  links?: EmailLink[];
  /**
   * SERVER-5: a server that relays mail over SMTP claims a message before it
   * sends it, so two processes never both send it, and marks when it left.
   */
  delivery?: { claimedAt: number; deliveredAt: number | null };
}

export interface AuditRecord {
  id: string;
  accountId: string;
  event: AuditEventName;
  at: number;
  /** LOG-1: the browser and system of the request that recorded it, described when written. */
  device: DeviceDescription | null;
  detail: Record<string, string | number | boolean>;
}

/** One entry of a ticket's conversation: a message, or something that happened to it. */
export type TicketEntryRecord =
  | {
      kind: 'message';
      id: string;
      authorId: string;
      role: 'requester' | 'agent';
      body: string;
      at: number;
      attachmentIds: string[];
    }
  | { kind: 'event'; id: string; event: TicketEvent; at: number };

export interface TicketRecord {
  id: string;
  /** What people quote: sequential and searchable. */
  number: string;
  /** The workspace it belongs to; null for an account in none (an agent). */
  workspaceId: string | null;
  requesterId: string;
  type: TicketType;
  title: string;
  status: TicketStatus;
  createdAt: number;
  updatedAt: number;
  assigneeId: string | null;
  /** When customer service last replied; Feedback Provided closes by itself a while after it. */
  feedbackAt: number | null;
  closedAt: number | null;
  rating: { score: number; comment: string; at: number } | null;
  /** TICKET-8: how the requester of an Unbind MFA ticket proved who they are. */
  verification: { password: boolean; email: boolean; submittedFrom: 'login' | 'console' } | null;
  /**
   * TICKET-12: SHA-256 of the token in the link that the account's email got
   * when an Unbind MFA ticket was filed; null once used, or for other types.
   */
  cancelTokenHash: string | null;
  /** TICKET-9: set once an agent has unbound the requester's MFA for this ticket. */
  mfaUnboundAt: number | null;
  entries: TicketEntryRecord[];
}

/** An uploaded file's metadata; its bytes live in the attachment store. */
export interface AttachmentRecord {
  id: string;
  name: string;
  contentType: string;
  size: number;
  ownerId: string;
  uploadedAt: number;
  /** Null until a ticket or reply uses it; unused uploads are purged. */
  ticketId: string | null;
}

/**
 * A session ended by another session, a password change, a binding change or
 * customer service: its token's hash, so the tab that still holds the token
 * learns why (SESSION_ENDED), until the session would have expired anyway.
 */
export interface EndedSessionRecord {
  tokenHash: string;
  accountId: string;
  endedBy: SessionEndCause;
  endedAt: number;
  /** The ended session's own expiry: past it, the tab is told the session expired. */
  expiresAt: number;
}

/** A ticket creation remembered by its Idempotency-Key, so a repeat makes nothing new. */
export interface IdempotencyRecord {
  accountId: string;
  key: string;
  requestHash: string;
  ticketId: string;
  expiresAt: number;
}

export interface ResetNotice {
  reason: 'corrupt' | 'outdated';
  at: number;
}

/** Failed password attempts per email, known or not, so a lockout reveals nothing. */
export interface LoginThrottleRecord {
  emailHash: string;
  /** Since the last lock: 5 lock for 15 minutes. */
  failures: number;
  lockedUntil: number | null;
  lastFailureAt: number;
  /** GUARD-4: across lockouts; at the cap, password entry stays locked until a reset. */
  failuresInARow: number;
}

/**
 * SERVER-9: one client address's requests of one limited kind in a fixed
 * window. Kept with the rest of the state so that every process of a server
 * counts against one budget (SERVER-7); a window past its end is deleted by
 * the next one that opens.
 */
export interface AddressWindowRecord {
  /** The limit counted, by its name (login, code, email). */
  limitName: string;
  address: string;
  startedAt: number;
  /** startedAt plus the limit's window: from then on the address starts afresh. */
  endsAt: number;
  count: number;
}

/**
 * REMEMBER-1: a browser that skips the login code of one account. Only the
 * SHA-256 of the token its cookie holds is kept, as for sessions; the token
 * alone proves nothing without the account's password (ADR 0032).
 */
export interface RememberedBrowserRecord {
  id: string;
  accountId: string;
  tokenHash: string;
  createdAt: number;
  lastUsedAt: number;
  /** createdAt + REMEMBERED_BROWSER_TTL_MS; using it does not extend it. */
  expiresAt: number;
  /** The browser's user agent when it was remembered; shown only as names. */
  userAgent: string | null;
}

/**
 * KEY-1: a security key added to an account as a second factor. Its
 * credential ID names it across every account (KEY-3): two accounts never
 * hold the same one.
 */
export interface SecurityKeyRecord {
  id: string;
  accountId: string;
  /** base64url, as the authenticator gave it. */
  credentialId: string;
  /** The COSE public key, base64url: public, so kept as it is. */
  publicKey: string;
  /** The signature counter last seen; one that goes backwards is refused (KEY-3). */
  counter: number;
  transports: string[];
  name: string;
  addedAt: number;
  lastUsedAt: number | null;
}

/** What a WebAuthn challenge was issued for (KEY-3). */
export type KeyChallengePurpose = 'register' | 'login' | 'step-up';

/**
 * KEY-3: a challenge handed to a browser for one ceremony: it answers only
 * for the session and the purpose it was issued to, once, before it expires.
 */
export interface KeyChallengeRecord {
  /** base64url of random bytes; what the client data names. */
  challenge: string;
  sessionId: string;
  accountId: string;
  purpose: KeyChallengePurpose;
  expiresAt: number;
}

export interface ServerState {
  version: number;
  accounts: AccountRecord[];
  workspaces: WorkspaceRecord[];
  memberships: MembershipRecord[];
  sessions: SessionRecord[];
  endedSessions: EndedSessionRecord[];
  loginThrottle: LoginThrottleRecord[];
  emailCodes: EmailCodeRecord[];
  /** When codes were emailed to whom, for the sending limits. */
  emailSends: {
    accountId: string;
    purpose: EmailCodePurpose;
    at: number;
    /** The session that asked; the wait between sends is that session's own (none: a reset). */
    sessionId?: string | null;
  }[];
  enrollments: EnrollmentRecord[];
  outbox: EmailRecord[];
  audit: AuditRecord[];
  tickets: TicketRecord[];
  /** The last ticket number handed out. */
  ticketSequence: number;
  attachments: AttachmentRecord[];
  idempotencyKeys: IdempotencyRecord[];
  addressWindows: AddressWindowRecord[];
  /** REMEMBER-1: browsers that skip the login code, by their token's hash. */
  rememberedBrowsers: RememberedBrowserRecord[];
  securityKeys: SecurityKeyRecord[];
  keyChallenges: KeyChallengeRecord[];
  devSettings: DevSettings;
  notice: ResetNotice | null;
}

export const DEFAULT_DEV_SETTINGS: DevSettings = {
  latencyMs: 0,
  errorRate: 0,
  offline: false,
  clockOffsetMs: 0,
};
