import { Text, type TextProps } from '@mantine/core';
import { formatDateTime, formatRelative } from './dates';
import { useNow } from './useNow';

interface RelativeTimeProps extends TextProps {
  /** ISO timestamp. */
  at: string;
}

/** "in 3 days", with the exact date and time as a tooltip; kept current as time passes. */
export function RelativeTime({ at, ...textProps }: RelativeTimeProps) {
  const now = useNow();
  return (
    <Text size="sm" {...textProps}>
      <time dateTime={at} title={formatDateTime(at)}>
        {formatRelative(at, now)}
      </time>
    </Text>
  );
}
