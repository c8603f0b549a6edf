'use client';
import { Button } from '@/components/ui/Button';
import { errorMessage } from '@/lib/client/api';
import { useRegisterWebhook } from '@/lib/client/queries';
import { ActionResult } from './ActionResult';

interface Props {
  inboxId: string;
  size?: 'sm' | 'md';
  /** The channel's main setup step (Telegram, 360dialog): shown as the primary action. */
  primary?: boolean;
}

/**
 * Asks the server to register the inbox's webhook URL at the provider. Channels configured in a
 * console answer with what to paste there instead.
 */
export function RegisterWebhookButton({ inboxId, size = 'md', primary }: Props) {
  const register = useRegisterWebhook();
  const ok = !register.isError && register.data?.ok === true;
  const message = register.isError ? errorMessage(register.error) : register.data?.message;

  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
      <Button
        size={size}
        variant={primary ? 'primary' : 'secondary'}
        onClick={() => register.mutate(inboxId)}
        loading={register.isPending}
        data-testid="register-webhook-button"
        title="Register this inbox's webhook URL with the provider"
      >
        Register webhook
      </Button>
      <ActionResult pending={register.isPending} ok={ok} message={message} testId="register-webhook-result" />
    </div>
  );
}
