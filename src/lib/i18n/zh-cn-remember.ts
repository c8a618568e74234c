import type { enRemember } from './en-remember';

/** 记住的浏览器（REMEMBER-1）的简体中文，并入中文目录。 */
export const zhCNRemember: Record<keyof typeof enRemember, string> = {
  'remember.checkbox': '30 天内在此浏览器上不再询问',
  'remember.checkboxHint': '登录仍需密码。请只在你自己的浏览器上勾选。',
  'remember.signedIn': '已在记住的浏览器上登录，无需动态码。',
  'remember.manage': '管理记住的浏览器',
  'remember.dismiss': '关闭',
  'remember.title': '记住的浏览器',
  'remember.description':
    '这些浏览器在 30 天内登录时无需输入动态码，但仍需密码。修改密码或 MFA，或退出所有其他会话，都会忘记全部浏览器。',
  'remember.empty': '没有记住的浏览器。在输入动态码时勾选“在此浏览器上不再询问”即可添加。',
  'remember.current': '此浏览器',
  'remember.rememberedAt': '记住于 {time}',
  'remember.lastUsed': '上次使用 {time}',
  'remember.expiresAt': '{time} 起将再次询问',
  'remember.forget': '忘记',
  'remember.forgetOne': '忘记 {device}（记住于 {time}）',
  'remember.forgotten': '已忘记该浏览器，下次登录时会要求输入动态码。',
  'remember.policyTitle': '记住的浏览器',
  'remember.policyLabel': '允许成员在记住的浏览器上 30 天内免输动态码',
  'remember.policyDescription':
    '成员可在登录时选择“在此浏览器上不再询问”。仅当成员所在的每个工作空间都允许时才生效，且仍需密码。',
  'remember.policyLocked': '安全工作空间每次登录都要求动态码：此项保持关闭，无法开启。',
  'remember.policyOn': '成员现在可以在记住的浏览器上免输动态码。',
  'remember.policyOff': '已关闭记住的浏览器：成员每次登录都需输入动态码。',
  'errors.SECURE_WORKSPACE_POLICY': '安全工作空间不允许记住浏览器。',
  'audit.signin.remembered_browser': '在记住的浏览器上使用密码登录',
  'audit.browser.remembered': '已记住此浏览器 30 天',
  'audit.browser.forgotten': '已忘记一个记住的浏览器',
  'audit.browser.forgotten.password_changed': '已忘记记住的浏览器（{count} 个）：密码已修改',
  'audit.browser.forgotten.password_reset': '已忘记记住的浏览器（{count} 个）：密码已重置',
  'audit.browser.forgotten.mfa_bound': '已忘记记住的浏览器（{count} 个）：已绑定 MFA',
  'audit.browser.forgotten.mfa_unbound': '已忘记记住的浏览器（{count} 个）：已解绑 MFA',
  'audit.browser.forgotten.authenticator_changed':
    '已忘记记住的浏览器（{count} 个）：已更换身份验证器',
  'audit.browser.forgotten.security_key_changed':
    '已忘记记住的浏览器（{count} 个）：安全密钥已变更',
  'audit.browser.forgotten.signed_out_others':
    '已忘记记住的浏览器（{count} 个）：已退出所有其他会话',
  'audit.workspace.remembered_browsers_on': '{workspace} 已允许记住浏览器',
  'audit.workspace.remembered_browsers_off': '{workspace} 已关闭记住浏览器',
};
