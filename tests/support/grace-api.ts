import { paths } from '@/api/paths';
import { type MfaPolicy, mfaPolicySchema } from '@/api/schemas/workspace';
import { type ApiClient, expectOk, type MockApi } from './api-client';
import { mfaApiSteps } from './mfa-api';

/** The steps of the grace-period tests (MANDATORY-5), over HTTP. */
export function graceApiSteps(api: MockApi) {
  const { bind } = mfaApiSteps(api);

  /** The Owner of Demo Workspace, with MFA bound so the policy may be switched on. */
  async function boundOwner(): Promise<ApiClient> {
    const owner = await api.signedIn('owner@example.com');
    await bind(owner, 'owner@example.com');
    return owner;
  }

  /** Switches mandatory MFA on for Demo Workspace, with a grace period when given. */
  async function switchOn(owner: ApiClient, graceDays?: number): Promise<MfaPolicy> {
    const response = await owner.put(paths.workspaceSecurity.href('ws_demo'), {
      mfaRequired: true,
      ...(graceDays === undefined ? {} : { graceDays }),
    });
    expectOk(response);
    return mfaPolicySchema.parse(response.body);
  }

  return { bind, boundOwner, switchOn };
}
