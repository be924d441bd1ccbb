import { SelectFilter } from '../table/SelectFilter';
import { recentSchoolYears } from './format';

interface SchoolYearFilterProps {
  value: string;
  onChange: (value: string) => void;
  /** Offer "Lifetime" (every year) too. */
  withLifetime?: boolean;
}

/** The school year of a report: this one and the five before it. */
export function SchoolYearFilter({ value, onChange, withLifetime = false }: SchoolYearFilterProps) {
  const years = recentSchoolYears(new Date()).map((year) => ({ value: year, label: year }));
  const options = withLifetime ? [...years, { value: 'lifetime', label: 'Lifetime' }] : years;
  return <SelectFilter label="School year" value={value} onChange={onChange} options={options} />;
}

/** The URL filter spec of a school year: the current one unless the URL names another. */
export const schoolYearSpec = (withLifetime = false) => ({
  values: [...recentSchoolYears(new Date()), ...(withLifetime ? ['lifetime'] : [])],
  defaultValue: recentSchoolYears(new Date())[0] ?? '',
});
