/**
 * The bodies of the account forms: sign-in, second factor, passwords, API tokens and the
 * administrators' user management. The rules (password length, e-mail form, roles) stay
 * with the use cases in app/auth; the limits here only keep absurd input out.
 */
import { Type } from "@sinclair/typebox";
import { FormList, FormText, FormVersion } from "../http/form-schema.js";

/** Where to go after signing in (checked by safeNextPath). */
const Next = () => FormText(2000);

/** Signing in with e-mail and password. */
export const SignInBody = Type.Object({
  email: FormText(320),
  password: FormText(4096),
  next: Next(),
});

/** A code from the authenticator app or a recovery code. */
export const CodeBody = Type.Object({ code: FormText(40), next: Next() });

/** The first code of a new authenticator app (six digits). */
export const EnrolmentCodeBody = Type.Object({
  code: FormText(10),
  next: Next(),
});

/** Asking for a password reset link. */
export const ForgotPasswordBody = Type.Object({ email: FormText(320) });

/** The new password after a reset link. */
export const ResetPasswordBody = Type.Object({ password: FormText(1024) });

/** Changing one's own password. */
export const ChangePasswordBody = Type.Object({
  currentPassword: FormText(4096),
  newPassword: FormText(1024),
});

/** A new API token's name. */
export const TokenNameBody = Type.Object({ name: FormText(100) });

/** An account as the administrators edit it. */
export const NewUserBody = Type.Object({
  email: FormText(320),
  name: FormText(200),
  role: FormText(20),
  orgUnitCodes: FormList(40, 200),
});

/** Changing an account: the version it was opened on is required. */
export const UserBody = Type.Object({
  ...NewUserBody.properties,
  version: FormVersion(),
});
