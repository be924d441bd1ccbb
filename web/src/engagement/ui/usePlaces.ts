import { useQuery } from '@tanstack/react-query';
import { ENGAGEMENT_KEY, getPlaces } from '../api';

/** The districts and schools the user sees, for filters and form fields. */
export function usePlaces() {
  const places = useQuery({
    queryKey: [...ENGAGEMENT_KEY, 'places'],
    queryFn: ({ signal }) => getPlaces(signal),
  });
  const data = places.data;
  return {
    districtOptions: (data?.districts ?? []).map((d) => ({ value: d.id, label: d.name })),
    schoolOptions: (data?.schools ?? []).map((s) => ({ value: s.id, label: s.name })),
  };
}
