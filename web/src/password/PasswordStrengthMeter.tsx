import { Group, List, Progress, Stack, Text } from '@mantine/core';
import { passwordStrength, type StrengthScore } from './strength';

const COLORS: Record<StrengthScore, string> = {
  0: 'red',
  1: 'orange',
  2: 'yellow',
  3: 'teal',
  4: 'green',
};

interface PasswordStrengthMeterProps {
  password: string;
  /** The user's email, when known: passwords built from it score lower. */
  email?: string;
}

/** A live estimate of how strong `password` is, with hints to improve it. Nothing while empty. */
export function PasswordStrengthMeter({ password, email }: PasswordStrengthMeterProps) {
  if (password === '') return null;
  const { score, label, hints } = passwordStrength(password, email);

  return (
    <Stack gap={4}>
      <Progress.Root size="sm" aria-hidden>
        <Progress.Section value={((score + 1) / 5) * 100} color={COLORS[score]} withAria={false} />
      </Progress.Root>
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          Strength:
        </Text>
        <Text
          size="xs"
          fw={600}
          role="meter"
          aria-label="Password strength"
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={score}
          aria-valuetext={label}
        >
          {label}
        </Text>
      </Group>
      {hints.length > 0 && (
        <List size="xs" c="dimmed" spacing={2} aria-label="How to make it stronger">
          {hints.map((hint) => (
            <List.Item key={hint}>{hint}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
