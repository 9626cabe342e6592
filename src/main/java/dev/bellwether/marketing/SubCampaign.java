package dev.bellwether.marketing;

import java.math.BigDecimal;

/**
 * A campaign directly under another, with what it and everything under it cost.
 */
public record SubCampaign(Campaign campaign, BigDecimal costWithSubCampaigns) {

}
