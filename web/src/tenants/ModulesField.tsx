import { Checkbox, Stack } from '@mantine/core';
import { moduleDescription, moduleName } from './modules';

interface ModulesFieldProps {
  /** The modules that can be chosen. */
  available: readonly string[];
  value: string[];
  onChange: (modules: string[]) => void;
  error?: string;
}

/** The modules a tenant has switched on; members see only the pages of those. */
export function ModulesField({ available, value, onChange, error }: ModulesFieldProps) {
  return (
    <Checkbox.Group
      label="Modules"
      description="Members see the pages of the modules switched on."
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {available.map((name) => (
          <Checkbox
            key={name}
            value={name}
            label={moduleName(name)}
            description={moduleDescription(name)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
