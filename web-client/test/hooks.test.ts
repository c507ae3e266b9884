import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from '../src/lib/hooks';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useDebouncedValue', () => {
  it('starts with the value, then follows it once it has not changed for the delay', () => {
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 250), {
      initialProps: { value: 'l' },
    });
    expect(result.current).toBe('l');
    rerender({ value: 'li' });
    expect(result.current).toBe('l');
    act(() => {
      vi.advanceTimersByTime(249);
    });
    expect(result.current).toBe('l');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toBe('li');
  });

  it('restarts the wait on every change: typing on gives one value, the last', () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ value }) => {
        const debounced = useDebouncedValue(value, 250);
        if (seen.at(-1) !== debounced) seen.push(debounced);
        return debounced;
      },
      { initialProps: { value: '' } },
    );
    for (const value of ['l', 'li', 'lis', 'lisb', 'lisbo', 'lisbon']) {
      rerender({ value });
      act(() => {
        vi.advanceTimersByTime(200);
      });
    }
    expect(result.current).toBe('');
    act(() => {
      vi.advanceTimersByTime(50);
    });
    expect(result.current).toBe('lisbon');
    expect(seen).toEqual(['', 'lisbon']);
  });

  it('leaves no timer behind when unmounted', () => {
    const { rerender, unmount } = renderHook(({ value }) => useDebouncedValue(value, 250), {
      initialProps: { value: 'a' },
    });
    rerender({ value: 'b' });
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
