import type { MailKey } from './en-mail';

/** Simplified Chinese for the backend's emails, key for key with `en-mail.ts`. */
export const zhCNMail: Record<MailKey, string> = {
  'mail.code.bind.subject': '绑定 MFA 的验证码',
  'mail.code.bind.body':
    '您的验证码是 {code}。请输入此验证码，为您的账号绑定 MFA。' +
    '验证码 {minutes} 分钟内有效，只能使用一次。' +
    '如果这不是您本人的操作，请忽略此邮件：没有您的密码，任何人都无法使用此验证码。',
  'mail.code.ticket.subject': '提交“解绑 MFA”工单的验证码',
  'mail.code.ticket.body':
    '您的验证码是 {code}。请输入此验证码，提交“解绑 MFA”工单。' +
    '验证码 {minutes} 分钟内有效，只能使用一次。' +
    '如果这不是您本人的操作，请忽略此邮件：没有您的密码，任何人都无法使用此验证码。',
  'mail.code.reset.subject': '重置密码的验证码',
  'mail.code.reset.body':
    '您的验证码是 {code}。请输入此验证码，为您的账号设置新密码。' +
    '验证码 {minutes} 分钟内有效，只能使用一次。' +
    '如果这不是您本人的操作，请忽略此邮件：您的密码不会改变，登录时仍需 MFA 验证。',

  'mail.passwordLocked.subject': '登录失败次数过多，已被锁定',
  'mail.passwordLocked.body':
    '您的账号连续 {max} 次登录失败。' +
    '使用密码登录已锁定至 {until}。' +
    '如果这不是您本人的操作，请在锁定结束后修改密码：账号管理 > 安全设置 > 修改密码，' +
    '或在 {resetPath} 使用“忘记密码？”。',
  'mail.passwordBlocked.subject': '登录连续失败 {max} 次，已被封锁',
  'mail.passwordBlocked.body':
    '您的账号累计多次锁定，已连续 {max} 次登录失败。' +
    '在您通过发送到此邮箱的验证码重置密码（登录页上的“忘记密码？”）或客服协助之前，账号将保持锁定。' +
    '如果这不是您本人的操作，说明有人正在尝试登录：请在 {resetPath} 重置密码。',
  'mail.codeLocked.subject': '动态码错误次数过多，已锁定输入',
  'mail.codeLocked.body':
    '您的账号连续输入了 {max} 次错误的验证码。' +
    '验证码输入已锁定至 {until}。' +
    '如果这不是您本人的操作，可能有人知道了您的密码：请尽快修改密码。',
  'mail.codeBlocked.subject': '动态码连续错误 {max} 次，已封锁输入',
  'mail.codeBlocked.body':
    '您的账号累计多次锁定，已连续 {max} 次输入错误的动态码。' +
    '在您通过发送到此邮箱的验证码重置密码（登录页上的“忘记密码？”）或客服协助之前，账号将保持锁定。' +
    '如果这不是您本人的操作，说明有人正在尝试登录：请在 {resetPath} 重置密码。',

  'mail.mfaBound.subject': '您的账号已绑定 MFA',
  'mail.mfaBound.body':
    '您的账号于 {at} 绑定了身份验证器应用。' +
    '今后登录时需要输入其中的 6 位动态码。' +
    '请妥善保存绑定时显示的恢复码。' +
    '如果这不是您本人的操作，请立即联系客服。',
  'mail.keyAdded.subject': '您的账号添加了一个安全密钥',
  'mail.keyAdded.body':
    '安全密钥“{name}”已于 {at} 添加到您的账号，现在可以代替动态码使用。' +
    '如果这不是您本人的操作，请在 账号管理 > 安全设置 中移除它并修改密码。',
  'mail.keyRemoved.subject': '您的账号移除了一个安全密钥',
  'mail.keyRemoved.body':
    '安全密钥“{name}”已于 {at} 从您的账号移除。' +
    '如果这不是您本人的操作，请立即修改密码并联系客服。',
  'mail.keyCounterRejected.subject': '一个安全密钥被拒绝：它可能已被复制',
  'mail.keyCounterRejected.body':
    '{at}，您的安全密钥“{name}”返回的签名计数低于之前的值，真实的密钥不会这样，因此已被拒绝。' +
    '如果您没有恢复或重置过这个密钥，请在 账号管理 > 安全设置 中移除它并修改密码。',
  'mail.mfaUnbound.subject': '您的账号已解绑 MFA',
  'mail.mfaUnbound.bodyBySelf':
    '您的账号于 {at} 解绑了身份验证器应用。' +
    '现在登录只需要密码。' +
    '您可以在 账号管理 > 安全设置 中重新绑定 MFA。',
  'mail.mfaUnbound.keysRemoved': '您的 {count} 个安全密钥也已一并移除。',
  'mail.mfaUnbound.keysRemoved.one': '您的安全密钥也已一并移除。',
  'mail.mfaUnbound.bodyByAgent':
    '应您的工单请求，客服（{agent}）于 {at} 为您的账号解绑了身份验证器应用。' +
    '现在登录只需要密码。' +
    '您可以在 账号管理 > 安全设置 中重新绑定 MFA。',
  'mail.authenticatorChanged.subject': '您账号的身份验证器应用已更换',
  'mail.authenticatorChanged.body':
    '您的账号于 {at} 绑定了新的身份验证器应用，原应用的动态码已失效。您的恢复码没有变化。' +
    '如果这不是您本人的操作，请立即联系客服。',
  'mail.recoveryCodesMade.subject': '您的账号已生成新的恢复码',
  'mail.recoveryCodesMade.body':
    '您的账号于 {at} 生成了一组新的恢复码，之前的恢复码已全部失效。' +
    '如果这不是您本人的操作，请修改密码并立即联系客服。',
  'mail.recoveryCodeUsed.subject': '您的账号使用了一个恢复码',
  'mail.recoveryCodeUsed.body':
    '{at}，有人使用恢复码{use}。' +
    '您还剩 {count} 个恢复码，每个只能使用一次。' +
    '请在 账号管理 > 安全设置 中生成一组新的恢复码。' +
    '如果这不是您本人的操作，请修改密码并立即联系客服。',
  'mail.recoveryCodeUsed.body.one':
    '{at}，有人使用恢复码{use}。' +
    '您还剩 {count} 个恢复码，每个只能使用一次。' +
    '请在 账号管理 > 安全设置 中生成一组新的恢复码。' +
    '如果这不是您本人的操作，请修改密码并立即联系客服。',
  'mail.recoveryCodeUse.login': '登录了您的账号',
  'mail.recoveryCodeUse.unbind': '为您的账号解绑了 MFA',
  'mail.recoveryCodeUse.change': '更换了您账号的身份验证器应用',
  'mail.recoveryCodeUse.regenerate': '生成了新的恢复码',
  'mail.recoveryCodeUse.securityKey': '从您的账号移除了一个安全密钥',

  'mail.passwordChanged.subject': '您的密码已修改',
  'mail.passwordChanged.body':
    '您账号的密码于 {at} 修改，账号的其他所有会话均已退出。' +
    '如果这不是您本人的操作，请重置密码（登录页上的“忘记密码？”）并联系客服。',
  'mail.passwordReset.subject': '您的密码已重置',
  'mail.passwordReset.body':
    '您账号的密码于 {at} 通过发送到此邮箱的验证码完成重置。' +
    '账号的所有会话均已退出。' +
    '如果这不是您本人的操作，请立即联系客服。',
  'mail.passwordReset.bodyWithMfa':
    '您账号的密码于 {at} 通过发送到此邮箱的验证码完成重置。' +
    '账号的所有会话均已退出。' +
    '登录时仍需输入 MFA 动态码。' +
    '如果这不是您本人的操作，请立即联系客服。',

  'mail.ticket.footer': '工单 {number}：{title}',
  'mail.ticket.received.subject': '我们已收到您的工单',
  'mail.ticket.received.body': '客服将尽快处理。每一步进展都会通过邮件通知您。',
  'mail.ticket.received.bodyUnbind':
    '客服将审核您的“解绑 MFA”请求。审核完成前，您的 MFA 保持绑定；解绑后您会收到邮件。' +
    '之后只用密码即可登录，并可在账号管理中重新绑定 MFA。',
  'mail.ticket.unbindRequested.subject': '有人为您的账号提交了“解绑 MFA”请求',
  'mail.ticket.unbindRequested.beforeLink':
    '知道您密码的人请求客服为您的账号解绑 MFA。在客服审核该请求之前，您的 MFA 保持绑定。\n\n' +
    '如果这不是您本人的操作，请取消该请求：',
  'mail.ticket.unbindRequested.afterLink':
    '\n在客服开始处理之前，此链接一直有效。取消后请修改密码。',
  'mail.ticket.unbindCanceled.subject': '您的“解绑 MFA”请求已取消',
  'mail.ticket.unbindCanceled.body': '该请求已通过我们邮件中的链接取消。您的 MFA 保持绑定。',
  'mail.ticket.accepted.subject': '客服正在处理您的工单',
  'mail.ticket.accepted.body': '客服已受理您的工单。客服回复时您会收到邮件。',
  'mail.ticket.replied.subject': '客服回复了您的工单',
  'mail.ticket.replied.body':
    '{reply}\n\n请在工单管理中回复。如无回复，工单将在 {days} 天后自动关闭。',
  'mail.ticket.closed.subject': '您的工单已关闭',
  'mail.ticket.closedByAgent.body': '客服已关闭您的工单。您可以在工单管理中评价客服的帮助。',
  'mail.ticket.closedAutomatically.body':
    '客服于 {repliedAt} 回复后，{days} 天内没有收到答复，工单已自动关闭。' +
    '您可以在工单管理中评价该回复，或提交新的工单。',
};
