// The renderer's data layer: one cache, keys from the API method and its argument, one table of
// what each change touches.
export { createQueryClient } from './query-client.ts';
export { apiKey, type ApiKey, type ArgsOf, type ResultOf } from './keys.ts';
export { INVALIDATES, invalidationOf, affectsInvalidation, type Invalidation } from './invalidation.ts';
export { writeAnswer, writeCodings, writingThrough, ANSWER_WRITES } from './answers.ts';
export { useApiQuery, useApiMutation, useApiCall, useInvalidateAffected, useQueryErrors, applyInvalidation, type ApiCall } from './hooks.ts';
