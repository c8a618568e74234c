/**
 * English for the Owner's view of the workspace's MFA posture on the Members
 * page (POSTURE-1). Spread into the English catalogue.
 */
export const enPosture = {
  'posture.title': 'MFA posture',
  'posture.description': 'Who is covered by MFA in {workspace}, and who needs a reminder.',
  'posture.bound': 'Bound',
  'posture.unbound': 'Not bound',
  'posture.fewCodes': '2 or fewer recovery codes',
  'posture.fewCodesList': 'Few recovery codes left',
  'posture.fewCodesNone': 'Every bound member has more than 2 recovery codes left.',
  'posture.codesLeft': '{count} left',
  'posture.unboundList': 'Still unbound',
  'posture.unboundListBy': 'Still unbound, bind by {deadline}',
  'posture.unboundNone': 'Every member has bound MFA.',
  'posture.securityKeys': 'With a security key',
  'posture.securityKeysList': 'Have a security key',
  'posture.securityKeysNone': 'No member has added a security key yet.',
  'posture.securityKeyMark': 'Security key',
  'posture.graceDeadline': 'Grace period ends',
  'posture.export': 'Export CSV',
  'posture.csv.recoveryCodesLeft': 'Recovery codes left',
  'posture.csv.fewRecoveryCodes': '2 or fewer recovery codes',
  'posture.csv.bindBy': 'Bind by',
  'posture.csv.securityKey': 'Security key',
};
