import { type Component, h } from 'vue';

/**
 * A line icon (24×24 viewBox, stroke = currentColor) from SVG path data, sized like the text around
 * it. The console's own icons are made this way, so a plugin's navigation icon looks the same and
 * needs no icon font.
 *
 * @example
 * export const CasesIcon = defineLineIcon('M4 4h16v12H5.2L4 17.2z', 'M8 9h8M8 12h5');
 */
export function defineLineIcon(...paths: string[]): Component {
  return {
    name: 'AftercareIcon',
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
        paths.map((d) => h('path', { d })),
      ),
  };
}
