import { type Component, h } from 'vue';

/** A headset line icon (24×24, stroke = currentColor) for the service desk's navigation entry. */
export const HeadsetIcon: Component = {
  name: 'ServiceDeskIcon',
  render: () =>
    h(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: '0 0 24 24',
        width: '1em',
        height: '1em',
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': 1.8,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
        'aria-hidden': 'true',
      },
      [h('path', { d: 'M3 18v-6a9 9 0 0 1 18 0v6' }), h('path', { d: 'M21 19a2 2 0 0 1-2 2h-1v-6h3zM3 19a2 2 0 0 0 2 2h1v-6H3z' })],
    ),
};
