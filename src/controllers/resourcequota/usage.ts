// A quota's usage measured from informer caches: the admission plugin's quota.CalculateUsage,
// fed the cached objects of each counted kind (a kind that is not watched is not counted).
export { measureUsage as calculateUsage, type UsageLister as Lister } from '../../api/admission/resource-quota-usage.js';
