import { onBeforeUnmount, onMounted, type Ref, ref } from 'vue';

/**
 * The current time (ms since epoch) as a ref that ticks every `intervalMs` while the component is
 * mounted, so countdowns move on their own without reloading data.
 */
export function useNow(intervalMs = 1000): Ref<number> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
