import { describe, expect, it } from 'vitest';
import { processingSummary, stateLabel } from '../src/uploads/labels';

describe('upload labels', () => {
  it('says an image still processing is queued while images wait for a worker', () => {
    expect(stateLabel('processing', 740)).toBe('Queued for processing');
    expect(stateLabel('processing', 0)).toBe('Processing');
    expect(stateLabel('published', 740)).toBe('Published');
  });

  it('sums up how many of mine are queued and how long the queue is', () => {
    expect(processingSummary(0, 12)).toBe('');
    expect(processingSummary(3, 0)).toBe(' · 3 processing');
    expect(processingSummary(3, 1)).toBe(' · 3 queued for processing (1 image waiting in all)');
    expect(processingSummary(3, 740)).toBe(' · 3 queued for processing (740 images waiting in all)');
  });
});
