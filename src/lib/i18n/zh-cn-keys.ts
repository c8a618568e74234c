import type { enKeys } from './en-keys';

/** Simplified Chinese for security keys; typed against English so none is missing. */
export const zhCNKeys: Record<keyof typeof enKeys, string> = {
  'errors.SECURITY_KEY_REFUSED': '安全密钥未通过验证。请重试，或改用验证码。',
  'errors.SECURITY_KEY_LIMIT': '你添加的安全密钥已达到账号上限。',
  'errors.SECURITY_KEY_EXISTS': '此安全密钥已添加过。',
  'audit.mfa.key_added': '已添加安全密钥“{name}”',
  'audit.mfa.key_removed': '已移除安全密钥“{name}”',
  'audit.mfa.key_removedWithBinding': '解绑 MFA 时一并移除了安全密钥“{name}”',
  'audit.mfa.key_counter_rejected': '安全密钥“{name}”被拒绝：其签名计数出现回退（可能已被复制）',
  'audit.signin.security_key': '使用安全密钥登录',
};
