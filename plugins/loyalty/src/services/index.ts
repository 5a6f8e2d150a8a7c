import type { PluginContext } from '@aftercare/core';
import type { LoyaltySettings } from '../settings.js';
import { PointsService } from './points.service.js';
import { PromotionsService } from './promotions.service.js';
import { RewardsService } from './rewards.service.js';
import { SweepstakesService } from './sweepstakes.service.js';

/** Everything the plugin's resolvers, subscribers and jobs use, built once per server. */
export class Loyalty {
  readonly points: PointsService;
  readonly rewards: RewardsService;
  readonly promotions: PromotionsService;
  readonly sweepstakes: SweepstakesService;
  constructor(ctx: PluginContext<LoyaltySettings>) {
    this.points = new PointsService(ctx);
    this.rewards = new RewardsService(ctx, this.points);
    this.promotions = new PromotionsService(ctx);
    this.sweepstakes = new SweepstakesService(ctx);
  }
}

export { PointsService, PromotionsService, RewardsService, SweepstakesService };
