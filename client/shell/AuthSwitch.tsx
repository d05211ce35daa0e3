import { navigate } from './router.ts';

/** The link between the login and the sign-up, both pages of the signed-out board. */
export function AuthSwitch({ to, label }: { to: string; label: string }) {
  return (
    <a
      class="login-switch"
      href={to}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
}
