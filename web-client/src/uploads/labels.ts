// What the upload panel says of an upload's state, in one place.
import type { UploadState } from './manager';

const STATE_LABELS: Record<UploadState, string> = {
  invalid: 'Not uploaded',
  queued: 'Waiting',
  presigning: 'Starting',
  uploading: 'Uploading',
  confirming: 'Finishing upload',
  processing: 'Processing',
  published: 'Published',
  rejected: 'Rejected',
  stalled: 'Stalled',
  duplicate: 'Already here',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/**
 * What a row says of its state. An image still processing while others wait for a worker is said to be queued:
 * under a burst it may wait minutes, and "Processing" with a spinner would read as stuck.
 */
export function stateLabel(state: UploadState, waiting: number) {
  if (state === 'processing' && waiting > 0) return 'Queued for processing';
  return STATE_LABELS[state];
}

/** The summary's word on images still processing: how many, and, when there is a queue, how long it is. */
export function processingSummary(processing: number, waiting: number) {
  if (processing === 0) return '';
  if (waiting === 0) return ` · ${processing} processing`;
  return ` · ${processing} queued for processing (${waiting} ${waiting === 1 ? 'image' : 'images'} waiting in all)`;
}
