/** One page of a paginated list (`?page=&pageSize=`), as every list route answers. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
