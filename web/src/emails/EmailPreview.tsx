import { Box, Code, Tabs } from '@mantine/core';
import type { RenderedEmail } from './types';

interface EmailPreviewProps {
  email: RenderedEmail;
  /** Names the preview for assistive technology, e.g. the email's subject. */
  label: string;
  height?: number;
}

/**
 * The HTML of an email in a fully sandboxed frame (no scripts, no same-origin access, no forms,
 * no navigation), and its plain-text part. The HTML is never put into the app's own document.
 */
export function EmailPreview({ email, label, height = 560 }: EmailPreviewProps) {
  return (
    <Tabs defaultValue="html" keepMounted={false}>
      <Tabs.List aria-label={`Parts of ${label}`}>
        <Tabs.Tab value="html">HTML</Tabs.Tab>
        <Tabs.Tab value="text">Plain text</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="html" pt="sm">
        <Box
          component="iframe"
          sandbox=""
          srcDoc={email.html}
          title={`HTML preview of ${label}`}
          referrerPolicy="no-referrer"
          w="100%"
          h={height}
          bd="1px solid var(--mantine-color-default-border)"
          style={{ borderRadius: 'var(--mantine-radius-sm)', background: 'white' }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="text" pt="sm">
        <Code
          block
          mah={height}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', overflowY: 'auto' }}
        >
          {email.text}
        </Code>
      </Tabs.Panel>
    </Tabs>
  );
}
