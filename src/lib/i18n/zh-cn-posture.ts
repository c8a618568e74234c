import type { enPosture } from './en-posture';

/** Simplified Chinese for the Owner's MFA posture; typed against English so none is missing. */
export const zhCNPosture: Record<keyof typeof enPosture, string> = {
  'posture.title': 'MFA 安全状况',
  'posture.description': '{workspace} 中哪些成员已受 MFA 保护，哪些成员需要提醒。',
  'posture.bound': '已绑定',
  'posture.unbound': '未绑定',
  'posture.fewCodes': '恢复码不超过 2 个',
  'posture.fewCodesList': '恢复码即将用完',
  'posture.fewCodesNone': '每位已绑定的成员都还有 2 个以上的恢复码。',
  'posture.codesLeft': '剩余 {count} 个',
  'posture.unboundList': '尚未绑定',
  'posture.unboundListBy': '尚未绑定，须在 {deadline} 前绑定',
  'posture.unboundNone': '所有成员均已绑定 MFA。',
  'posture.securityKeys': '已添加安全密钥',
  'posture.securityKeysList': '已添加安全密钥的成员',
  'posture.securityKeysNone': '尚无成员添加安全密钥。',
  'posture.securityKeyMark': '安全密钥',
  'posture.graceDeadline': '宽限期截止',
  'posture.export': '导出 CSV',
  'posture.csv.recoveryCodesLeft': '剩余恢复码',
  'posture.csv.fewRecoveryCodes': '恢复码不超过 2 个',
  'posture.csv.bindBy': '绑定截止时间',
  'posture.csv.securityKey': '安全密钥',
};
